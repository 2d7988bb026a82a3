using Liftoff.Configuration;
using Liftoff.Releases;

namespace Liftoff.Deploying.RollingBack;

/// <summary>
/// Reads from the ledger what a rollback replaces (the live release) and what it returns to. A release's state is
/// the release it restored, for a rollback, else its own: "previous" skips releases with the live state, so rolling
/// back twice goes further back instead of restoring what is live again.
/// </summary>
internal static class RestorePoints
{
    public static async Task<(Release Live, Release Target)> FindAsync(
        ReleaseLedger ledger, ProjectEnvironment environment, RollbackTarget target, CancellationToken cancellationToken)
    {
        var (project, env) = (environment.Project, environment.Environment);
        var live = await ledger.LastSuccessfulAsync(project, env, cancellationToken)
                   ?? throw new RollbackException(
                       $"{project} has no successful release in {env} yet, so there is nothing to roll back. Nothing was changed.");
        if (target.ReleaseId is not { } id)
            return (live, await PreviousAsync(ledger, environment, live, cancellationToken));

        var named = await ledger.GetAsync(project, env, id, cancellationToken) ?? throw await UnknownAsync(ledger, environment, id, cancellationToken);
        if (named.Status is ReleaseStatus.Failed or ReleaseStatus.InProgress)
            throw new RollbackException(
                $"Release {id} of {project} in {env} {(named.Status == ReleaseStatus.Failed ? "failed" : "is still in progress")}: " +
                $"only a release that went live can be restored. {ListThem(environment)} Nothing was changed.");
        return (live, named);
    }

    /// <summary>The state a release put live: what it restored, for a rollback; its own, otherwise.</summary>
    public static string StateOf(Release release) => release.RestoredReleaseId ?? release.Id;

    private static async Task<Release> PreviousAsync(
        ReleaseLedger ledger, ProjectEnvironment environment, Release live, CancellationToken cancellationToken) =>
        await ledger.LastSuccessfulAsync(environment.Project, environment.Environment, live, r => StateOf(r) != StateOf(live), cancellationToken)
        ?? throw new RollbackException(
            $"{environment.Project} in {environment.Environment} has no successful release before the live one ({live.Id}), " +
            "so there is nothing to roll back to. " +
            (live.Kind == ReleaseKind.Rollback
                ? $"The live release is itself a rollback to {live.RestoredReleaseId}; to bring back a release that was rolled back, name it with --to. "
                : "") +
            $"{ListThem(environment)} Nothing was changed.");

    private static async Task<RollbackException> UnknownAsync(
        ReleaseLedger ledger, ProjectEnvironment environment, string id, CancellationToken cancellationToken) =>
        await ledger.FindAsync(id, cancellationToken) is { } elsewhere
            ? new RollbackException(
                $"Release {id} is a release of {elsewhere.Project} in {elsewhere.Environment}, not of {environment.Project} in " +
                $"{environment.Environment}. Name a release of this project and environment: {ListThem(environment)} Nothing was changed.")
            : new RollbackException(
                $"There is no release {id} of {environment.Project} in {environment.Environment}. {ListThem(environment)} Nothing was changed.");

    private static string ListThem(ProjectEnvironment environment) =>
        $"`./build.sh Releases --env {environment.Environment} --project {environment.Project}` lists its releases.";
}
