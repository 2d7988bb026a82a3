namespace Liftoff.Engine.Internal.Parameters;

/// <summary>
/// Member names (PascalCase) as they appear on the command line and in the environment, split as NUKE splits them:
/// at camel humps, with acronyms and digits kept whole (AWSProfile: AWS, Profile) and NUKE's known words as one word
/// (NuGetApiKey: NuGet, Api, Key; so --nuget-api-key and NUGET_API_KEY).
/// </summary>
internal static class Naming
{
    private static readonly string[] KnownWords =
        ["DotNet", "GitHub", "GitVersion", "MSBuild", "NuGet", "ReSharper", "AppVeyor", "TeamCity", "GitLab", "SignPath", "JetBrains"];

    public static string ToKebabCase(string name) => string.Join('-', Words(name)).ToLowerInvariant();

    public static string ToUpperSnakeCase(string name) => string.Join('_', Words(name)).ToUpperInvariant();

    /// <summary>The form names are compared in: case, dashes and underscores ignored, so --NuGetApiKey is --nuget-api-key.</summary>
    public static string Normalize(string name) =>
        new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    public static IEnumerable<string> Words(string name)
    {
        var start = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var known = KnownWords.FirstOrDefault(w => string.CompareOrdinal(name, i, w, 0, w.Length) == 0 &&
                                                       (i + w.Length == name.Length || !char.IsLower(name[i + w.Length])));
            if (known is not null)
            {
                if (i > start) yield return name[start..i];
                yield return known;
                start = i + known.Length;
                i = start - 1;
                continue;
            }
            if (i > start && IsBoundary(name, i))
            {
                yield return name[start..i];
                start = i;
            }
        }
        if (start < name.Length) yield return name[start..];
    }

    // A boundary before an upper-case letter that follows a lower-case one or a digit, or that starts a word after an acronym.
    private static bool IsBoundary(string name, int i) =>
        char.IsUpper(name[i]) &&
        (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
}
