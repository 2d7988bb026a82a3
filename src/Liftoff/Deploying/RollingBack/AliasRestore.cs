using Amazon.Runtime;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Configuration;
using Liftoff.Configuration.Model;
using Liftoff.Deploying.Code;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.Deploying.RollingBack;

/// <summary>
/// One function's alias <c>live</c> as a rollback moves it: from the version it serves now to the version the restored
/// release recorded. <see cref="VersionExists"/> is false when that version is gone (the function was removed and
/// created again since), so the code is published again from the recorded artifact after the stack is restored.
/// </summary>
public sealed record AliasChange(string Function, string FunctionName, string? From, string To, bool HasRouting, bool VersionExists)
{
    public bool Changes => !VersionExists || From != To || HasRouting;
}

/// <summary>Moves each function's alias back to a recorded version: one UpdateAlias, no build, no new version.</summary>
internal sealed class AliasRestore(IAmazonLambda lambda, IAnsiConsole console)
{
    private const string Alias = RolloutRequest.LiveAlias;

    public async Task<IReadOnlyList<AliasChange>> PlanAsync(ProjectEnvironment environment, Release target, CancellationToken cancellationToken)
    {
        var changes = new List<AliasChange>();
        foreach (var (function, version) in target.FunctionVersions.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var name = LambdaName(environment, function);
            var alias = await OrNullAsync(() => lambda.GetAliasAsync(new GetAliasRequest { FunctionName = name, Name = Alias }, cancellationToken));
            var recorded = await OrNullAsync(() => lambda.GetFunctionConfigurationAsync(
                new GetFunctionConfigurationRequest { FunctionName = name, Qualifier = version }, cancellationToken));
            // A version number names other code once the function was deleted and created again: check the code too.
            var exists = recorded is not null && (CodeSha256(target, function) is not { } sha || recorded.CodeSha256 == sha);
            changes.Add(new AliasChange(function, name, alias?.FunctionVersion, version,
                alias?.RoutingConfig?.AdditionalVersionWeights is { Count: > 0 }, exists));
        }
        return changes;
    }

    /// <summary>Points each alias whose recorded version exists at it, with no traffic shared with another version.</summary>
    public async Task<IReadOnlyList<AliasChange>> MoveAsync(IReadOnlyList<AliasChange> changes, CancellationToken cancellationToken)
    {
        var moved = changes.Where(c => c.VersionExists && c.Changes).ToList();
        foreach (var change in moved)
        {
            if (change.From is null)
                await lambda.CreateAliasAsync(new CreateAliasRequest
                {
                    FunctionName = change.FunctionName, Name = Alias, FunctionVersion = change.To,
                    Description = "Moved by Liftoff: the version serving traffic",
                }, cancellationToken);
            else
                await lambda.UpdateAliasAsync(new UpdateAliasRequest
                {
                    FunctionName = change.FunctionName, Name = Alias, FunctionVersion = change.To,
                    // An empty map clears the weights of a shift that was under way.
                    RoutingConfig = new AliasRoutingConfiguration { AdditionalVersionWeights = new() },
                }, cancellationToken);
            console.MarkupLine($"{Markup.Escape(change.FunctionName)}: {Alias} {Markup.Escape(change.From ?? "(none)")} → {Markup.Escape(change.To)}");
        }
        return moved;
    }

    /// <summary>
    /// Functions whose recorded version is gone: their recorded artifact published again (after the stack restored the
    /// function) and the alias moved to it. Returns function name (project.yaml) → the version now live.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> RepublishAsync(
        ProjectEnvironment environment, Release target, IReadOnlyList<AliasChange> changes, CodeRollout rollout, CancellationToken cancellationToken)
    {
        var missing = changes.Where(c => !c.VersionExists).ToList();
        if (missing.Count == 0) return new Dictionary<string, string>();
        var functions = missing.Select(c => target.Artifacts.FirstOrDefault(a => a.Function == c.Function) is { } artifact
                ? new FunctionDeployment(c.FunctionName, environment.ArtifactBucket, artifact.Key, Convert.ToBase64String(Convert.FromHexString(artifact.Sha256Hex)))
                : throw new RollbackException(
                    $"Version {c.To} of {c.FunctionName} is gone and release {target.Id} records no artifact for {c.Function}, so its code cannot be published again."))
            .ToList();
        var result = await rollout.RunAsync(new RolloutRequest(functions, Rollout.AllAtOnce, []), cancellationToken);
        return missing.ToDictionary(c => c.Function, c => result.PublishedVersions[c.FunctionName], StringComparer.Ordinal);
    }

    /// <summary>The Lambda name: from project.yaml, or by the naming rule for a function the project no longer has.</summary>
    private static string LambdaName(ProjectEnvironment environment, string function) =>
        environment.Functions.FirstOrDefault(f => f.Name == function)?.FunctionName
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
