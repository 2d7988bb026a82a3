using Amazon.Runtime;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Aws.Requests;
using Spectre.Console;

namespace Liftoff.Deploying.Code;

/// <summary>
/// Makes a function's code equal its artifact and publishes a version of exactly that code:
/// UpdateFunctionCode from S3 only when CodeSha256 differs, then PublishVersion guarded by the expected CodeSha256.
/// </summary>
internal sealed class FunctionVersions(IAmazonLambda lambda, RequestBudget gate, IAnsiConsole console, TimeProvider time)
{
    // A code update settles in seconds; minutes means Lambda is stuck (or the function is failing to start).
    private static readonly TimeSpan UpdateLimit = TimeSpan.FromMinutes(10);

    public async Task<(string Version, bool CodeUpdated)> PublishAsync(FunctionDeployment function, CancellationToken cancellationToken)
    {
        var config = await WaitUntilSettledAsync(function.FunctionName, afterOwnUpdate: false, cancellationToken);
        var updated = false;
        if (config.CodeSha256 != function.CodeSha256)
        {
            await gate.SendAsync("UpdateFunctionCode", t => lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest
            {
                FunctionName = function.FunctionName,
                S3Bucket = function.CodeBucket,
                S3Key = function.CodeKey,
            }, t), cancellationToken);
            config = await WaitUntilSettledAsync(function.FunctionName, afterOwnUpdate: true, cancellationToken);
            if (config.CodeSha256 != function.CodeSha256)
                throw new DeployException(
                    $"{function.FunctionName}: after updating from s3://{function.CodeBucket}/{function.CodeKey} its CodeSha256 is " +
                    $"{config.CodeSha256}, not the artifact's {function.CodeSha256}. The object in S3 is not the packaged artifact: run Upload again.");
            updated = true;
            console.MarkupLine($"{Markup.Escape(function.FunctionName)}: code updated");
        }

        PublishVersionResponse published;
        try
        {
            published = await gate.SendAsync("PublishVersion", t => lambda.PublishVersionAsync(new PublishVersionRequest
            {
                FunctionName = function.FunctionName,
                // Lambda refuses to publish if $LATEST changed meanwhile (another deploy); moto does not check.
                CodeSha256 = function.CodeSha256,
            }, t), cancellationToken);
        }
        catch (AmazonServiceException e) when (!Throttling.IsThrottling(e))
        {
            throw new DeployException(
                $"{function.FunctionName}: Lambda refused to publish a version of code {function.CodeSha256}: {e.Message}. " +
                "Another deploy may have changed the function meanwhile; deploy again.", e);
        }
        if (published.CodeSha256 != function.CodeSha256)
            throw new DeployException(
                $"{function.FunctionName}: version {published.Version} was published with CodeSha256 {published.CodeSha256}, " +
                $"not the artifact's {function.CodeSha256}; another deploy changed the function meanwhile. Deploy again.");
        return (published.Version ?? throw new DeployException($"{function.FunctionName}: PublishVersion returned no version."), updated);
    }

    /// <summary>Waits while the function is being created or updated (Lambda refuses changes meanwhile).</summary>
    private async Task<GetFunctionConfigurationResponse> WaitUntilSettledAsync(string functionName, bool afterOwnUpdate, CancellationToken cancellationToken)
    {
        var backoff = PollingBackoff.ForFunctionUpdate(time);
        var deadline = time.GetUtcNow() + UpdateLimit;
        while (true)
        {
            var config = await GetConfigurationAsync(functionName, cancellationToken);
            var state = config.State?.ToString();
            var update = config.LastUpdateStatus?.ToString();
            if (state == "Failed")
                throw new DeployException($"{functionName} is in state Failed: {config.StateReason}. Fix the function's configuration and deploy again.");
            if (afterOwnUpdate && update == "Failed")
                throw new DeployException($"{functionName}: the code update failed: {config.LastUpdateStatusReason}.");
            if (state != "Pending" && update != "InProgress") return config;
            if (time.GetUtcNow() > deadline)
                throw new DeployException($"{functionName} is still {state}/{update} after {UpdateLimit.TotalMinutes:0} minutes; look at it in the Lambda console.");
            await backoff.WaitAsync(cancellationToken);
        }
    }

    private async Task<GetFunctionConfigurationResponse> GetConfigurationAsync(string functionName, CancellationToken cancellationToken)
    {
        try
        {
            return await gate.SendAsync("GetFunctionConfiguration", t => lambda.GetFunctionConfigurationAsync(
                new GetFunctionConfigurationRequest { FunctionName = functionName }, t), cancellationToken);
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            throw new DeployException(
                $"Function {functionName} does not exist. The stack creates it: check that the template's AWS::Lambda::Function " +
                "has this FunctionName ({project}-{env}-lambda-{function}) and that the stack deployed.", e);
        }
    }
}
