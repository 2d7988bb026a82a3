namespace Liftoff.Engine.Utilities;

/// <summary>The string helpers NUKE builds call (<c>using Nuke.Common.Utilities;</c>).</summary>
public static class StringExtensions
{
    public static string JoinSpace(this IEnumerable<string?> values) => string.Join(' ', values);
    public static string JoinComma(this IEnumerable<string?> values) => string.Join(',', values);
    public static string JoinCommaSpace(this IEnumerable<string?> values) => string.Join(", ", values);
    public static string JoinNewLine(this IEnumerable<string?> values) => string.Join(Environment.NewLine, values);
    public static string JoinDot(this IEnumerable<string?> values) => string.Join('.', values);
    public static string JoinDash(this IEnumerable<string?> values) => string.Join('-', values);
    public static string Join(this IEnumerable<string?> values, string separator) => string.Join(separator, values);

    public static bool IsNullOrEmpty(this string? text) => string.IsNullOrEmpty(text);
    public static bool IsNullOrWhiteSpace(this string? text) => string.IsNullOrWhiteSpace(text);

    /// <summary>"\"a b\"" becomes "a b"; text not wrapped in a pair of double quotes is returned as it is.</summary>
    public static string TrimMatchingDoubleQuotes(this string text) => TrimMatching(text, '"');

    public static string TrimMatchingQuotes(this string text) => TrimMatching(TrimMatching(text, '"'), '\'');

    public static string DoubleQuoteIfNeeded(this string? text) =>
        string.IsNullOrEmpty(text) ? "\"\"" : text.Any(char.IsWhiteSpace) && !(text.StartsWith('"') && text.EndsWith('"')) ? $"\"{text}\"" : text;

    public static bool EqualsOrdinalIgnoreCase(this string? text, string? other) => string.Equals(text, other, StringComparison.OrdinalIgnoreCase);
    public static bool ContainsOrdinalIgnoreCase(this string text, string other) => text.Contains(other, StringComparison.OrdinalIgnoreCase);
    public static bool StartsWithOrdinalIgnoreCase(this string text, string other) => text.StartsWith(other, StringComparison.OrdinalIgnoreCase);
    public static bool EndsWithOrdinalIgnoreCase(this string text, string other) => text.EndsWith(other, StringComparison.OrdinalIgnoreCase);

    /// <summary>Camel humps with NUKE's known words kept whole: "NuGetApiKey" is NuGet, Api, Key.</summary>
    public static string[] SplitCamelHumpsWithKnownWords(this string text) => Internal.Parameters.Naming.Words(text).ToArray();

    private static string TrimMatching(string text, char quote) =>
        text.Length >= 2 && text[0] == quote && text[^1] == quote ? text[1..^1] : text;
}
