using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Invoking;
using Liftoff.Invoking.Http;
using Liftoff.Invoking.Local;
using Liftoff.Releases;

namespace Liftoff.SmokeTesting;

/// <summary>
/// One project's smoke test: its smoke checks run, in order, against the release the ledger says is live, within
/// the project's smoke timeout; the results go into that release's record. When a check fails and the release has
/// not passed its checks before, it is rolled back (project.yaml rollbackOnFailure, default true) through
/// <see cref="IReleaseRestorer"/> and its record is marked rolled back with the failed check and its response.
/// </summary>
public sealed class ProjectSmokeTest(
    AwsClients clients, LambdaRuntimeCache runtimes, IReleaseRestorer restorer, HttpClient http, SmokeTestOptions? options = null, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<ProjectSmokeResult> RunAsync(ProjectEnvironment project, CancellationToken cancellationToken)
    {
        var result = new ProjectSmokeResult(project.Project, project.Environment);
        var ledger = new ReleaseLedger(clients.S3, project.ArtifactBucket, _clock);
        var live = await ledger.LastSuccessfulAsync(project.Project, project.Environment, cancellationToken);
        if (live is null) return result with { Skipped = "no release yet: deploy first" };
        if (project.SmokeChecks.Count == 0) return result with { Release = live, Skipped = "no smokeChecks in project.yaml" };

        var (invoker, _) = await FunctionInvokers.ForAsync(project, clients, runtimes, cancellationToken, live);
        var (target, note) = await HttpTargetAsync(project, invoker, live, cancellationToken);
        var runner = new SmokeCheckRunner(target, invoker, options ?? (clients.Connection.IsLocal ? SmokeTestOptions.Local : SmokeTestOptions.Aws), _clock);

        var started = _clock.GetUtcNow();
        var deadline = started + project.Smoke.Timeout;
        var checks = new List<ReleaseSmokeCheck>();
        foreach (var check in project.SmokeChecks)
            checks.Add(await runner.RunAsync(check, deadline, cancellationToken));
        var test = new ReleaseSmokeTest(checks.All(c => c.Passed), started, _clock.GetUtcNow(), checks);

        var proven = live.SmokeTest?.Passed == true;
        var recorded = await ledger.RecordSmokeTestAsync(live, test, cancellationToken);
        result = result with { Release = recorded, Test = test, Target = Describe(target, note) };
        if (test.Passed) return result;
        return await RollBackAsync(project, ledger, result, proven, cancellationToken);
    }

    private async Task<ProjectSmokeResult> RollBackAsync(
        ProjectEnvironment project, ReleaseLedger ledger, ProjectSmokeResult result, bool proven, CancellationToken cancellationToken)
    {
        var failed = result.FailedCheck!;
        var reason = $"smoke check '{failed.Name}' failed: {failed.Failure}";
        if (!project.Smoke.RollbackOnFailure)
            return result with { NotRolledBack = "rollbackOnFailure is false in project.yaml" };
        if (proven)
            return result with { NotRolledBack = $"release {result.Release!.Id} passed its smoke checks before, so SmokeTest does not roll it back; Rollback does, if you decide so" };
        try
        {
            var rollback = await restorer.RestorePreviousAsync(project, result.Release!, reason, cancellationToken);
            var rolledBack = await ledger.MarkRolledBackAsync(result.Release!, reason, cancellationToken);
            return result with { Release = rolledBack, Rollback = rollback };
        }
        catch (SmokeTestException e)
        {
            return result with { NotRolledBack = e.Message };
        }
    }

    private async Task<(IHttpTarget? Target, string? Note)> HttpTargetAsync(
        ProjectEnvironment project, IFunctionInvoker invoker, Release live, CancellationToken cancellationToken)
    {
        if (project.SmokeChecks.All(c => c.Kind != SmokeCheckKind.Http)) return (null, null);
        try
        {
            return await ApiTargets.ForAsync(project, clients, invoker, live, http, cancellationToken);
        }
        catch (InvokeException e)
        {
            return (new UnreachableApi(e.Message), null);
        }
    }

    private static string? Describe(IHttpTarget? target, string? note) =>
        target is null ? null : note is null ? target.Description : $"{target.Description} ({note})";
}
