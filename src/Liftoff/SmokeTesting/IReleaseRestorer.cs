using Liftoff.Configuration;
using Liftoff.Releases;

namespace Liftoff.SmokeTesting;

/// <summary>
/// Takes a project back to the release before a failed one, through the same path as the Rollback target
/// (aliases, stack, front end; recorded as a release of kind rollback). SmokeTest calls it when a fresh release
/// fails its checks and project.yaml's rollbackOnFailure allows it.
/// </summary>
public interface IReleaseRestorer
{
    /// <returns>The rollback's own release record.</returns>
    Task<Release> RestorePreviousAsync(ProjectEnvironment project, Release failed, string reason, CancellationToken cancellationToken);
}

/// <summary>A smoke test could not run or a check failed: the message says which and what to do.</summary>
public sealed class SmokeTestException(string message, Exception? inner = null) : Exception(message, inner);
