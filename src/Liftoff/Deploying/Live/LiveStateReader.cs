using Amazon.Runtime;
using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Configuration;

namespace Liftoff.Deploying.Live;

/// <summary>
/// Reads a project's <see cref="LiveState"/> cheaply: per function three calls (GetAlias, GetFunctionConfiguration of
/// the alias and of $LATEST), and one DescribeStacks, all at once; the clients' request budgets pace them.
/// </summary>
public sealed class LiveStateReader(IAmazonLambda lambda, IAmazonCloudFormation cloudFormation, string alias = "live")
{
    public async Task<LiveState> ReadAsync(ProjectEnvironment environment, CancellationToken cancellationToken)
    {
        var stack = ReadStackAsync(environment.StackName, cancellationToken);
        var functions = await Task.WhenAll(environment.Functions.Select(f => ReadFunctionAsync(f, cancellationToken)));
        return new LiveState(functions, await stack);
    }

    private async Task<LiveFunction> ReadFunctionAsync(FunctionEnvironment function, CancellationToken cancellationToken)
    {
        var name = function.FunctionName;
        var aliasTask = OrNullAsync(() => lambda.GetAliasAsync(new GetAliasRequest { FunctionName = name, Name = alias }, cancellationToken));
        var servedTask = OrNullAsync(() => lambda.GetFunctionConfigurationAsync(
            new GetFunctionConfigurationRequest { FunctionName = name, Qualifier = alias }, cancellationToken));
        var latestTask = OrNullAsync(() => lambda.GetFunctionConfigurationAsync(
            new GetFunctionConfigurationRequest { FunctionName = name }, cancellationToken));
        var (found, served, latest) = (await aliasTask, await servedTask, await latestTask);
        return new LiveFunction(
            function.Name,
            name,
            latest is not null,
            found?.FunctionVersion,
            found?.RoutingConfig?.AdditionalVersionWeights ?? new Dictionary<string, double>(),
            Hex(served?.CodeSha256),
            Hex(latest?.CodeSha256));
    }

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
                .ToDictionary(p => p.ParameterKey!, p => p.ParameterValue ?? "", StringComparer.Ordinal));
    }

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
