using System.Globalization;
using Liftoff.Releases;

namespace Liftoff.Deploying.Locking;

/// <summary>
/// The content of a lock object: who holds the deployment of a project to an environment, since when, and
/// until when the lease runs unless renewed. <see cref="Token"/> tells one acquisition from another.
/// </summary>
public sealed record LockHolder(
    ReleaseActor Owner,
    DateTimeOffset AcquiredAt,
    DateTimeOffset ExpiresAt,
    string Token,
    string? ReleaseId = null)
{
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now;

    public string Describe()
    {
        var where = string.Join(", ", new[] { $"pid {Owner.ProcessId}", Owner.CiRunUrl, ReleaseId is null ? null : $"release {ReleaseId}" }
            .Where(s => s is not null));
        return $"{Owner.User}@{Owner.Host} ({where}) since {Utc(AcquiredAt)}, lease until {Utc(ExpiresAt)}";
    }

    internal static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
