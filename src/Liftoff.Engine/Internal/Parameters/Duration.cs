using System.Globalization;
using System.Text.RegularExpressions;

namespace Liftoff.Engine.Internal.Parameters;

/// <summary>
/// A TimeSpan parameter's text: hours, minutes and seconds as people write them (90s, 15m, 1h30m), or .NET's own
/// format (00:15:00), which NUKE's TypeConverter reads. A bare number is refused: seconds or minutes cannot be told apart.
/// </summary>
internal static partial class Duration
{
    public const string Examples = "90s, 15m or 1h30m";

    public static bool TryParse(string text, out TimeSpan duration)
    {
        var match = Units().Match(text.Trim().ToLowerInvariant());
        if (match.Success && match.Length > 0)
        {
            duration = TimeSpan.FromHours(Part(match, "h")) + TimeSpan.FromMinutes(Part(match, "m")) + TimeSpan.FromSeconds(Part(match, "s"));
            return true;
        }
        return TimeSpan.TryParseExact(text.Trim(), ["c", "g"], CultureInfo.InvariantCulture, out duration)
               && text.Contains(':', StringComparison.Ordinal) && duration >= TimeSpan.Zero;
    }

    private static int Part(Match match, string unit) =>
        match.Groups[unit].Success ? int.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<h>\d{1,4})h)?(?:(?<m>\d{1,5})m)?(?:(?<s>\d{1,6})s)?$")]
    private static partial Regex Units();
}
