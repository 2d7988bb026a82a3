using System.Diagnostics;
using System.Globalization;
using Liftoff.Releases;

namespace Liftoff.Deploying.Locking;

/// <summary>
/// The content of a lock object: who holds the deployment of a project to an environment, since when, and
/// until when the lease runs unless renewed. <see cref="Token"/> is the fencing token: it tells one acquisition
/// from another, and a run checks that the lock still carries its own before every change it makes.
/// </summary>
/// <param name="Forced">This holder took the lock over from a live lease (<c>--force-unlock</c>).</param>
public sealed record LockHolder(
    ReleaseActor Owner,
    DateTimeOffset AcquiredAt,
    DateTimeOffset ExpiresAt,
    string Token,
    string? ReleaseId = null,
    bool Forced = false)
{
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now;

    public string Describe()
    {
        var where = string.Join(", ", new[] { $"pid {Owner.ProcessId}", Owner.CiRunUrl, ReleaseId is null ? null : $"release {ReleaseId}" }
            .Where(s => s is not null));
        return $"{Owner.User}@{Owner.Host} ({where}) since {Utc(AcquiredAt)}, lease until {Utc(ExpiresAt)}";
    }

    /// <summary>
    /// True when the holder ran on this machine and its process is gone: a run known dead, whose lock is safe to
    /// break with --force-unlock. Elsewhere (another machine, a CI runner) nothing can be known from here.
    /// </summary>
    public bool IsDeadOnThisMachine()
    {
        if (!string.Equals(Owner.Host, Environment.MachineName, StringComparison.Ordinal)) return false;
        try
        {
            using var process = Process.GetProcessById(Owner.ProcessId);
            // A process started after the lock was taken reuses the number: the holder itself is gone.
            return process.HasExited || process.StartTime.ToUniversalTime() > AcquiredAt.UtcDateTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return true;
        }
    }

    internal static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
