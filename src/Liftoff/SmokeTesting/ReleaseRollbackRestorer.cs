using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying.RollingBack;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.SmokeTesting;

/// <summary>
/// Rollback's own path (<see cref="ReleaseRollback.RestorePreviousAsync"/>): under Deploy's lock, the release before the
/// failed one comes back whole (aliases, stack, front end, CDN) with no approval asked, since the deploy was approved, and
/// is recorded as a release of kind rollback. When it cannot, SmokeTest says why and the failed release stays live.
/// </summary>
public sealed class ReleaseRollbackRestorer(Func<ProjectEnvironment, AwsClients> clientsFor, IAnsiConsole console, ReleaseActor actor) : IReleaseRestorer
{
    public async Task<Release> RestorePreviousAsync(ProjectEnvironment project, Release failed, string reason, CancellationToken cancellationToken)
    {
        try
        {
            return await new ReleaseRollback(clientsFor(project), console, actor).RestorePreviousAsync(project, failed, reason, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new SmokeTestException(
                $"The rollback of release {failed.Id} did not happen: {e.Message} " +
                $"Roll back by hand: ./build.sh Rollback --env {project.Environment} --project {project.Project}", e);
        }
    }
}
