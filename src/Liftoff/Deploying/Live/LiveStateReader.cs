using Amazon.Runtime;
using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Configuration;

namespace Liftoff.Deploying.Live;

/// <summary>
/// Reads a project's <see cref="LiveState"/> cheaply: per function three calls (GetAlias, GetFunctionConfiguration of
/// the alias, GetFunction for $LATEST), and one DescribeStacks, all at once; the clients' request budgets pace them. A function
/// the template leaves AWS to name is found by its logical id first (DescribeStackResources, beside DescribeStacks).
/// </summary>
public sealed class LiveStateReader(IAmazonLambda lambda, IAmazonCloudFormation cloudFormation)
{
    public async Task<LiveState> ReadAsync(ProjectEnvironment environment, CancellationToken cancellationToken)
    {
        var stack = ReadStackAsync(environment.StackName, cancellationToken);
        var physicalIds = environment.Functions.All(f => f.FunctionName is not null)
            ? new Dictionary<string, string>()
            : await PhysicalIdsAsync(environment.StackName, cancellationToken);
        var functions = await Task.WhenAll(environment.Functions.Select(f =>
            ReadFunctionAsync(f, physicalIds.GetValueOrDefault(f.LogicalId) ?? f.FunctionName, cancellationToken)));
        return new LiveState(functions, await stack);
    }

    private async Task<LiveFunction> ReadFunctionAsync(FunctionEnvironment function, string? name, CancellationToken cancellationToken)
    {
        var alias = function.AliasName;
        if (name is null) return new LiveFunction(function.Name, function.LogicalId, alias, false, null, new Dictionary<string, double>(), null, null);
        var aliasTask = OrNullAsync(() => lambda.GetAliasAsync(new GetAliasRequest { FunctionName = name, Name = alias }, cancellationToken));
        var servedTask = OrNullAsync(() => lambda.GetFunctionConfigurationAsync(
            new GetFunctionConfigurationRequest { FunctionName = name, Qualifier = alias }, cancellationToken));
        // GetFunction, not a second GetFunctionConfiguration: each operation has its own request budget (and on AWS
        // its own rate), so the reads of several projects do not queue behind one another.
        var latestTask = OrNullAsync(async () => (await lambda.GetFunctionAsync(new GetFunctionRequest { FunctionName = name }, cancellationToken)).Configuration);
        var (found, served, latest) = (await aliasTask, await servedTask, await latestTask);
        return new LiveFunction(
            function.Name,
            name,
            alias,
            latest is not null,
            found?.FunctionVersion,
            found?.RoutingConfig?.AdditionalVersionWeights ?? new Dictionary<string, double>(),
            Hex(served?.CodeSha256),
            Hex(latest?.CodeSha256));
    }

    private async Task<IReadOnlyDictionary<string, string>> PhysicalIdsAsync(string stackName, CancellationToken cancellationToken) =>
        (await OrNullAsync(() => cloudFormation.DescribeStackResourcesAsync(new DescribeStackResourcesRequest { StackName = stackName }, cancellationToken)))
        ?.StackResources.Where(r => r.LogicalResourceId is not null && !string.IsNullOrEmpty(r.PhysicalResourceId))
        .ToDictionary(r => r.LogicalResourceId!, r => r.PhysicalResourceId!, StringComparer.Ordinal)
        ?? new Dictionary<string, string>();

    /// <summary>The stack alone: what a release records when it ends, for the next deploy to compare with.</summary>
    public async Task<LiveStack> ReadStackAsync(string stackName, CancellationToken cancellationToken)
    {
        var stack = await OrNullAsync(async () =>
            (await cloudFormation.DescribeStacksAsync(new DescribeStacksRequest { StackName = stackName }, cancellationToken)).Stacks?.FirstOrDefault());
        var status = stack?.StackStatus?.ToString();
        if (stack is null || status == "DELETE_COMPLETE") return new LiveStack(stackName, false, status, null, new Dictionary<string, string>());
        var changed = stack.LastUpdatedTime ?? stack.CreationTime;
        return new LiveStack(stackName, true, status,
            changed is { } time ? new DateTimeOffset(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null,
            (stack.Parameters ?? []).Where(p => p.ParameterKey is not null)
                .ToDictionary(p => p.ParameterKey!, p => p.ParameterValue ?? "", StringComparer.Ordinal))
        {
            Tags = (stack.Tags ?? []).Where(t => t.Key is not null).ToDictionary(t => t.Key!, t => t.Value ?? "", StringComparer.Ordinal),
        };
    }

    /// <summary>The template the stack was last given (GetTemplate's Original stage: before any transform), or null when there is no stack.</summary>
    public async Task<string?> ReadTemplateAsync(string stackName, CancellationToken cancellationToken) =>
        (await OrNullAsync(() => cloudFormation.GetTemplateAsync(new GetTemplateRequest { StackName = stackName }, cancellationToken)))?.TemplateBody;

    /// <summary>The answer, or null when the function, alias or stack does not exist (Lambda: ResourceNotFound; CloudFormation: "does not exist").</summary>
    private static async Task<T?> OrNullAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "ResourceNotFoundException"
                                               || e.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
        {
            return default;
        }
    }

    private static string? Hex(string? base64) =>
        string.IsNullOrEmpty(base64) ? null : Convert.ToHexStringLower(Convert.FromBase64String(base64));
}
