namespace Liftoff.Configuration;

/// <summary>How a project's smoke checks run: their overall time limit (retries included) and what a failure does.</summary>
public sealed record SmokeSettings(TimeSpan Timeout, bool RollbackOnFailure)
{
    public const int DefaultTimeoutSeconds = 60;

    public static readonly SmokeSettings Default = new(TimeSpan.FromSeconds(DefaultTimeoutSeconds), RollbackOnFailure: true);
}
