namespace Liftoff.SmokeTesting;

/// <summary>
/// How checks are retried. Against AWS a failing check is tried again after 1 s, then 2, 4, 8 and 10 s between
/// tries, until it passes or the project's smoke timeout runs out: a fresh deploy can take a moment to answer
/// everywhere. Locally a check runs once: the function runs on this machine, so nothing changes by waiting.
/// </summary>
public sealed record SmokeTestOptions(bool Retry, TimeSpan FirstBackoff, TimeSpan MaxBackoff)
{
    /// <summary>Longest wait for one answer, within the project's overall smoke timeout.</summary>
    public static readonly TimeSpan AttemptLimit = TimeSpan.FromSeconds(30);

    public static readonly SmokeTestOptions Aws = new(true, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    public static readonly SmokeTestOptions Local = new(false, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
}
