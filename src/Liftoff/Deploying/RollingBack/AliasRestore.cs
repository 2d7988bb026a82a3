using Amazon.Runtime;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Configuration;
using Liftoff.Configuration.Model;
using Liftoff.Deploying.Code;
using Liftoff.Deploying.Locking;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.Deploying.RollingBack;

/// <summary>
/// One function's serving alias as a rollback moves it: from the version it serves now to the version the restored
/// release recorded. <see cref="VersionExists"/> is false when that version is gone (the function was removed and
/// created again since), so the code is published again from the recorded artifact after the stack is restored. An
/// alias the template owns (SAM's AutoPublishAlias, or CodeDeploy's) is moved by the stack restore, not here.
/// </summary>
public sealed record AliasChange(
    string Function, string FunctionName, string Alias, AliasOwner Owner, string? From, string To, bool HasRouting, bool VersionExists)
{
    public bool Changes => Owner == AliasOwner.Liftoff && (!VersionExists || From != To || HasRouting);
}

/// <summary>Moves each function's alias back to a recorded version: one UpdateAlias, no build, no new version.</summary>
internal sealed class AliasRestore(IAmazonLambda lambda, IAnsiConsole console)
{
    /// <param name="physicalIds">The stack's resources, logical id → physical id: functions AWS named are found by logical id.</param>
    public async Task<IReadOnlyList<AliasChange>> PlanAsync(
        ProjectEnvironment environment, Release target, IReadOnlyDictionary<string, string> physicalIds, CancellationToken cancellationToken)
    {
        var changes = new List<AliasChange>();
        foreach (var (function, version) in target.FunctionVersions.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var configured = environment.Functions.FirstOrDefault(f => f.Name == function);
            var name = LambdaName(environment, configured, function, physicalIds);
            var alias = configured?.AliasName ?? RolloutRequest.LiveAlias;
            var now = await OrNullAsync(() => lambda.GetAliasAsync(new GetAliasRequest { FunctionName = name, Name = alias }, cancellationToken));
            var recorded = await OrNullAsync(() => lambda.GetFunctionConfigurationAsync(
                new GetFunctionConfigurationRequest { FunctionName = name, Qualifier = version }, cancellationToken));
            // A version number names other code once the function was deleted and created again: check the code too.
            var exists = recorded is not null && (CodeSha256(target, function) is not { } sha || recorded.CodeSha256 == sha);
            changes.Add(new AliasChange(function, name, alias, configured?.AliasOwner ?? AliasOwner.Liftoff, now?.FunctionVersion, version,
                now?.RoutingConfig?.AdditionalVersionWeights is { Count: > 0 }, exists));
        }
        return changes;
    }

    /// <summary>
    /// Points each alias Liftoff owns whose recorded version exists at it, with no traffic shared with another version;
    /// <paramref name="fence"/> is checked before each move.
    /// </summary>
    public async Task<IReadOnlyList<AliasChange>> MoveAsync(IReadOnlyList<AliasChange> changes, IDeploymentFence fence, CancellationToken cancellationToken)
    {
        var moved = changes.Where(c => c.VersionExists && c.Changes).ToList();
        foreach (var change in moved)
        {
            await fence.EnsureHeldAsync($"moving the alias {change.Alias} of {change.FunctionName}", cancellationToken);
            if (change.From is null)
                await lambda.CreateAliasAsync(new CreateAliasRequest
                {
                    FunctionName = change.FunctionName, Name = change.Alias, FunctionVersion = change.To,
                    Description = "Moved by Liftoff: the version serving traffic",
                }, cancellationToken);
            else
                await lambda.UpdateAliasAsync(new UpdateAliasRequest
                {
                    FunctionName = change.FunctionName, Name = change.Alias, FunctionVersion = change.To,
                    // An empty map clears the weights of a shift that was under way.
                    RoutingConfig = new AliasRoutingConfiguration { AdditionalVersionWeights = new() },
                }, cancellationToken);
            console.MarkupLine($"{Markup.Escape(change.FunctionName)}: {Markup.Escape(change.Alias)} {Markup.Escape(change.From ?? "(none)")} → {Markup.Escape(change.To)}");
        }
        return moved;
    }

    /// <summary>
    /// After the stack is restored: the functions whose recorded version was gone get their recorded artifact published
    /// again and the alias moved to it; the aliases the template owns are read where the stack update left them.
    /// Returns function name (project.yaml) → the version now live, for those.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> SettleAsync(
        ProjectEnvironment environment, Release target, IReadOnlyList<AliasChange> changes, IReadOnlyDictionary<string, string> physicalIds,
        CodeRollout rollout, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in changes.Where(c => c.Owner != AliasOwner.Liftoff))
            if (await OrNullAsync(() => lambda.GetAliasAsync(new GetAliasRequest { FunctionName = change.FunctionName, Name = change.Alias }, cancellationToken))
                is { FunctionVersion: { } version })
                versions[change.Function] = version;

        var missing = changes.Where(c => c.Owner == AliasOwner.Liftoff && !c.VersionExists).ToList();
        if (missing.Count == 0) return versions;
        var functions = missing.Select(c => target.Artifacts.FirstOrDefault(a => a.Function == c.Function) is { } artifact
                ? new FunctionDeployment(
                    LambdaName(environment, environment.Functions.FirstOrDefault(f => f.Name == c.Function), c.Function, physicalIds),
                    environment.ArtifactBucket, artifact.Key, Convert.ToBase64String(Convert.FromHexString(artifact.Sha256Hex)))
                {
                    Name = c.Function, AliasName = c.Alias,
                }
                : throw new RollbackException(
                    $"Version {c.To} of {c.FunctionName} is gone and release {target.Id} records no artifact for {c.Function}, so its code cannot be published again."))
            .ToList();
        var result = await rollout.RunAsync(new RolloutRequest(functions, Rollout.AllAtOnce, []), cancellationToken);
        foreach (var function in result.Functions) versions[function.Function] = function.Version;
        return versions;
    }

    /// <summary>The function's physical name: the stack's resource for its logical id, else the name project.yaml gives, else the naming rule.</summary>
    private static string LambdaName(
        ProjectEnvironment environment, FunctionEnvironment? configured, string function, IReadOnlyDictionary<string, string> physicalIds) =>
        (configured is null ? null : physicalIds.GetValueOrDefault(configured.LogicalId) ?? configured.FunctionName)
        ?? Names.Function(environment.Project, environment.Environment, function);

    private static string? CodeSha256(Release release, string function) =>
        release.Artifacts.FirstOrDefault(a => a.Function == function) is { } artifact
            ? Convert.ToBase64String(Convert.FromHexString(artifact.Sha256Hex))
            : null;

    private static async Task<T?> OrNullAsync<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            return null;
        }
    }
}
