using System.Text;

namespace Liftoff.Engine.Internal.Parameters;

/// <summary>Member names (PascalCase) as they appear on the command line and in the environment.</summary>
internal static class Naming
{
    public static string ToKebabCase(string name) => Split(name, '-').ToLowerInvariant();

    public static string ToUpperSnakeCase(string name) => Split(name, '_').ToUpperInvariant();

    private static string Split(string name, char separator)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            // A boundary before an upper-case letter that follows a lower-case one or starts a word after an acronym (AWSProfile → aws-profile).
            var boundary = i > 0 && char.IsUpper(c) &&
                           (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (boundary) text.Append(separator);
            text.Append(c);
        }
        return text.ToString();
    }
}
