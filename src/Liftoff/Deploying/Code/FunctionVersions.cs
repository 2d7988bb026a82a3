using Amazon.Runtime;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Model;
using Spectre.Console;

namespace Liftoff.Deploying.Code;

/// <summary>
/// Makes a function's code equal its artifact and publishes a version of exactly that code:
/// UpdateFunctionCode from S3 only when CodeSha256 differs, then PublishVersion guarded by the expected CodeSha256.
/// </summary>
internal sealed class FunctionVersions(IAmazonLambda lambda, IAnsiConsole console)
{
    // A code update settles in seconds; minutes means Lambda is stuck (or the function is failing to start).
    private static readonly FunctionWaitOptions UntilIdle = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(500), Timeout = TimeSpan.FromMinutes(10), BeforeOwnUpdate = true,
    };
    private static readonly FunctionWaitOptions UntilUpdated = UntilIdle with { BeforeOwnUpdate = false };

    public async Task<(string Version, bool CodeUpdated)> PublishAsync(FunctionDeployment function, CancellationToken cancellationToken)
    {
        // Lambda refuses changes while the function is being created or updated: wait for that first.
        var config = await WaitAsync(function.FunctionName, UntilIdle, cancellationToken);
        var updated = false;
        if (config.CodeSha256 != function.CodeSha256)
        {
            await lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest
            {
                FunctionName = function.FunctionName,
                S3Bucket = function.CodeBucket,
                S3Key = function.CodeKey,
            }, cancellationToken);
            config = await WaitAsync(function.FunctionName, UntilUpdated, cancellationToken);
            if (config.CodeSha256 != function.CodeSha256)
                throw new DeployException(
                    $"{function.FunctionName}: after updating from s3://{function.CodeBucket}/{function.CodeKey} its CodeSha256 is " +
                    $"{config.CodeSha256}, not the artifact's {function.CodeSha256}. The object in S3 is not the packaged artifact: run Upload again.");
            updated = true;
            console.MarkupLine($"{Markup.Escape(function.FunctionName)}: code updated");
        }
        return (await PublishVersionAsync(function, cancellationToken), updated);
    }

    private async Task<string> PublishVersionAsync(FunctionDeployment function, CancellationToken cancellationToken)
    {
        PublishVersionResponse published;
        try
        {
            published = await lambda.PublishVersionAsync(new PublishVersionRequest
            {
                FunctionName = function.FunctionName,
                // Lambda refuses to publish if $LATEST changed meanwhile (another deploy); moto does not check.
                CodeSha256 = function.CodeSha256,
            }, cancellationToken);
        }
        catch (AmazonServiceException e)
        {
            throw new DeployException(
                $"{function.FunctionName}: Lambda refused to publish a version of code {function.CodeSha256}: {e.Message}. " +
                "Another deploy may have changed the function meanwhile; deploy again.", e);
        }
        if (published.CodeSha256 != function.CodeSha256)
            throw new DeployException(
                $"{function.FunctionName}: version {published.Version} was published with CodeSha256 {published.CodeSha256}, " +
                $"not the artifact's {function.CodeSha256}; another deploy changed the function meanwhile. Deploy again.");
        return published.Version ?? throw new DeployException($"{function.FunctionName}: PublishVersion returned no version.");
    }

    private async Task<GetFunctionConfigurationResponse> WaitAsync(string functionName, FunctionWaitOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await lambda.WaitUntilFunctionUpdatedAsync(functionName, cancellationToken, options: options);
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            throw new DeployException(
                $"Function {functionName} does not exist. The stack creates it: check that the template's AWS::Lambda::Function " +
                "has this FunctionName ({project}-{env}-lambda-{function}) and that the stack deployed.", e);
        }
    }
}
