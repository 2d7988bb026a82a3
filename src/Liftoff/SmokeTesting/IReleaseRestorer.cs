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

/// <summary>Until the rollback service is wired in: says so, and SmokeTest leaves the failed release live and fails.</summary>
public sealed class RollbackNotAvailable : IReleaseRestorer
{
    public Task<Release> RestorePreviousAsync(ProjectEnvironment project, Release failed, string reason, CancellationToken cancellationToken) =>
        throw new SmokeTestException(
            $"Automatic rollback is not available in this build yet, so release {failed.Id} stays live. " +
            $"Roll back by hand: ./build.sh Rollback --env {project.Environment} --project {project.Project}");
}

/// <summary>A smoke test could not run or a check failed: the message says which and what to do.</summary>
public sealed class SmokeTestException(string message, Exception? inner = null) : Exception(message, inner);
