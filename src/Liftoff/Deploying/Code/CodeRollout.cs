using Amazon.Runtime;
using Liftoff.Aws.CloudWatch;
using Liftoff.Aws.CloudWatch.Model;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Configuration;
using Spectre.Console;

namespace Liftoff.Deploying.Code;

/// <summary>
/// Rolls a project's functions out to new code: per function, code equal to the artifact and a published
/// version; then the alias <c>live</c> moves to it, all functions together, by the strategy, while the alarms
/// are watched. An alarm in ALARM (or a stop) sends all traffic back to the previous versions and fails the deploy.
/// An alias the template owns (SAM's AutoPublishAlias) was already moved by the stack update: publishing finds the
/// version SAM published and the alias on it; only an alias left behind is moved, all at once. An alias CodeDeploy
/// shifts (DeploymentPreference) is only read.
/// </summary>
/// <param name="clock">The clock of the holds and alarm polls (tests pass a fake one; AWS polling keeps real time).</param>
public sealed partial class CodeRollout(
    IAmazonLambda lambda,
    IAmazonCloudWatch cloudWatch,
    IAnsiConsole console,
    TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>How often the alarms are read during a hold. CloudWatch evaluates alarms once a minute.</summary>
    public TimeSpan AlarmPollInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How many functions are prepared at once (the Lambda client's request budget bounds the rate anyway).</summary>
    public int Parallelism { get; init; } = 4;

    public async Task<RolloutResult> RunAsync(RolloutRequest request, CancellationToken cancellationToken, IProgress<RolloutProgress>? progress = null)
    {
        var weights = request.Rollout.IntermediateWeights();
        var prepared = await PrepareAllAsync(request, cancellationToken);

        var results = new Dictionary<string, FunctionRolloutResult>(StringComparer.Ordinal);
        var gradual = new List<PreparedFunction>();
        foreach (var f in prepared)
        {
            var move = f.PlanMove(weights.Count > 0);
            if (f.Owner == AliasOwner.Template && weights.Count > 0)
                console.MarkupLine($"[yellow]{Markup.Escape(f.Name)}: the template's AutoPublishAlias moves {Markup.Escape(f.Alias)} all at once " +
                                   $"during the stack update, so the {request.Rollout} rollout does not apply to it; add a DeploymentPreference " +
                                   "to shift its traffic gradually through CodeDeploy.[/]");
            if (move == AliasMove.Shifted) gradual.Add(f);
            else results[f.Name] = f.Result(await MoveDirectlyAsync(f, move, cancellationToken));
        }

        if (gradual.Count > 0)
            foreach (var r in await ShiftAsync(gradual, weights, request, progress, cancellationToken))
                results[r.FunctionName] = r;

        progress?.Report(new(RolloutStage.Completed, 1, prepared.Select(p => p.Name).ToList(), TimeSpan.Zero));
        return new(prepared.Select(p => results[p.Name]).ToList());
    }

    private async Task<IReadOnlyList<PreparedFunction>> PrepareAllAsync(RolloutRequest request, CancellationToken cancellationToken)
    {
        var versions = new FunctionVersions(lambda, console);
        var prepared = new PreparedFunction[request.Functions.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, request.Functions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var function = request.Functions[i];
                var alias = await GetAliasAsync(function.FunctionName, function.AliasName, token);
                // CodeDeploy shifted (or is shifting) this alias during the stack update: Liftoff only reads where it is.
                var (version, updated) = function.AliasOwner == AliasOwner.CodeDeploy
                    ? (alias?.FunctionVersion ?? throw new DeployException(
                        $"{function.FunctionName} has no alias {function.AliasName}, which the template's AutoPublishAlias creates; check the stack's events."), false)
                    : await versions.PublishAsync(function, token);
                prepared[i] = new PreparedFunction(function.FunctionName, version, updated, alias?.FunctionVersion,
                    alias?.RoutingConfig?.AdditionalVersionWeights is { Count: > 0 }, function.AliasName, function.AliasOwner, function.Name);
            });
        return prepared;
    }

    private async Task<AliasMove> MoveDirectlyAsync(PreparedFunction f, AliasMove move, CancellationToken cancellationToken)
    {
        var alias = f.Alias;
        switch (move)
        {
            case AliasMove.Unchanged when f.Owner == AliasOwner.CodeDeploy:
                console.MarkupLine($"{Markup.Escape(f.Name)}: {alias} on version {f.Version}, shifted by CodeDeploy (the template's DeploymentPreference)");
                break;
            case AliasMove.Unchanged:
                console.MarkupLine($"{Markup.Escape(f.Name)}: {alias} already on version {f.Version}");
                break;
            case AliasMove.Created:
                await lambda.CreateAliasAsync(new CreateAliasRequest
                {
                    FunctionName = f.Name, Name = alias, FunctionVersion = f.Version,
                    Description = "Moved by Liftoff: the version serving traffic",
                }, cancellationToken);
                console.MarkupLine($"{Markup.Escape(f.Name)}: {alias} created on version {f.Version}");
                break;
            default:
                await PointAsync(f.Name, alias, f.Version, null, cancellationToken);
                console.MarkupLine($"{Markup.Escape(f.Name)}: {alias} {f.Previous} → {f.Version}");
                break;
        }
        return move;
    }

    /// <summary>Points the alias at <paramref name="version"/>, with <paramref name="canaryWeight"/> of traffic on <paramref name="canary"/>.</summary>
    private Task PointAsync(string function, string alias, string version, (string Version, double Weight)? canary, CancellationToken cancellationToken) =>
        lambda.UpdateAliasAsync(new UpdateAliasRequest
        {
            FunctionName = function,
            Name = alias,
            FunctionVersion = version,
            // An empty map (not a missing one) is what clears an earlier shift's weights.
            RoutingConfig = new AliasRoutingConfiguration
            {
                AdditionalVersionWeights = canary is { } c ? new() { [c.Version] = c.Weight } : new(),
            },
        }, cancellationToken);

    private async Task<GetAliasResponse?> GetAliasAsync(string function, string alias, CancellationToken cancellationToken)
    {
        try
        {
            return await lambda.GetAliasAsync(new GetAliasRequest { FunctionName = function, Name = alias }, cancellationToken);
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            return null;
        }
    }

    private AlarmWatch Alarms(RolloutRequest request) => new(cloudWatch, request.Alarms, console);

    /// <summary>A function with its new version published, and where its alias was before the move.</summary>
    private sealed record PreparedFunction(
        string Name, string Version, bool CodeUpdated, string? Previous, bool HasRouting, string Alias, AliasOwner Owner, string Function)
    {
        public AliasMove PlanMove(bool strategyShifts) =>
            Owner == AliasOwner.CodeDeploy ? AliasMove.Unchanged
            : Previous is null ? AliasMove.Created
            : Previous == Version ? (HasRouting ? AliasMove.Moved : AliasMove.Unchanged)
            // $LATEST cannot take part in weighted routing: nothing to shift from. Only Liftoff's own alias shifts.
            : strategyShifts && Owner == AliasOwner.Liftoff && Previous != "$LATEST" ? AliasMove.Shifted
            : AliasMove.Moved;

        public FunctionRolloutResult Result(AliasMove move) => new(Name, Version, Previous, CodeUpdated, move) { Function = Function };
    }
}
