using System.Globalization;
using System.Security.Cryptography;

namespace Liftoff.Releases;

/// <summary>
/// Release ids sort by start time as plain strings (S3 lists keys in that order): UTC second, then six
/// random hex digits so two machines starting in the same second never collide.
/// </summary>
public static class ReleaseId
{
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static string New(DateTimeOffset startedAt) =>
        $"{startedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}";

    public static bool TryGetTime(string id, out DateTimeOffset time)
    {
        var ok = DateTime.TryParseExact(id.Split('-')[0], TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc);
        time = ok ? new DateTimeOffset(utc, TimeSpan.Zero) : default;
        return ok;
    }
}
