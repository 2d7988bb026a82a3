using System.Text.RegularExpressions;
using Liftoff.Configuration.Model;

namespace Liftoff.Configuration.Validation;

/// <summary>S3's general-purpose bucket naming rules.</summary>
internal static partial class BucketNames
{
    public static string? Problem(string name)
    {
        if (name.Length is < 3 or > Names.MaxBucketName)
            return $"{name.Length} characters; AWS allows 3 to {Names.MaxBucketName}";
        if (!Valid().IsMatch(name) || name.Contains(".."))
            return "use lowercase letters, digits, hyphens and dots, starting and ending with a letter or digit";
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    private static partial Regex Valid();
}
