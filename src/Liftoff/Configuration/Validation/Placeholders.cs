using System.Text.RegularExpressions;

namespace Liftoff.Configuration.Validation;

/// <summary>{project}, {env}, {region} and {accountId} in configuration values, replaced per environment.</summary>
internal static partial class Placeholders
{
    public static readonly IReadOnlyList<string> Known = ["project", "env", "region", "accountId"];

    /// <returns>The text with placeholders replaced; the problem when one is unknown or has no value here.</returns>
    public static (string Text, string? Problem) Replace(string text, IReadOnlyDictionary<string, string?> values)
    {
        string? problem = null;
        var result = Placeholder().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (!values.TryGetValue(name, out var value))
            {
                problem ??= $"unknown placeholder {m.Value}; known: {string.Join(", ", values.Keys.Select(k => "{" + k + "}"))}";
                return m.Value;
            }
            if (value is null)
            {
                problem ??= $"uses {m.Value}, which this environment does not set";
                return m.Value;
            }
            return value;
        });
        return (result, problem);
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
