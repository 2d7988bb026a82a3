using Liftoff.Releases;

namespace Liftoff.SmokeTesting;

/// <summary>
/// One project's smoke test: the release checked and how its checks went, or why nothing was checked; after a
/// failure, the rollback made (or why none was).
/// </summary>
public sealed record ProjectSmokeResult(string Project, string Environment)
{
    public Release? Release { get; init; }
    public ReleaseSmokeTest? Test { get; init; }
    /// <summary>Where the checks went ("Api routed on this machine", the API's URL).</summary>
    public string? Target { get; init; }
    /// <summary>Why nothing was checked (no release yet, no checks); a skipped project passes.</summary>
    public string? Skipped { get; init; }
    public Release? Rollback { get; init; }
    /// <summary>Why a failed release was not rolled back (rollbackOnFailure false, already proven, rollback unavailable or failed).</summary>
    public string? NotRolledBack { get; init; }
    /// <summary>The smoke test could not run at all (the ledger or AWS failed).</summary>
    public string? Error { get; init; }

    public bool Passed => Error is null && (Skipped is not null || Test?.Passed == true);

    public ReleaseSmokeCheck? FailedCheck => Test?.Checks.FirstOrDefault(c => !c.Passed);
}
