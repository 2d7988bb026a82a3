using Liftoff.Aws.Lambda.Model;

namespace Liftoff.Aws.Lambda;

/// <summary>How often and how long <see cref="FunctionUpdatedWaiter"/> polls.</summary>
public sealed record FunctionWaitOptions
{
    /// <summary>As the model's FunctionUpdatedV2 waiter (FunctionUpdated, on GetFunctionConfiguration, waits 5 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Waits until Lambda has applied a code or configuration update, with the acceptors of the model's
/// FunctionUpdated waiter (LastUpdateStatus Successful: done; Failed: fails; InProgress: waits), which
/// the conformance test holds it to. Lambda rejects PublishVersion and further updates with
/// ResourceConflictException while an update is InProgress.
/// </summary>
public static class FunctionUpdatedWaiter
{
    /// <exception cref="FunctionUpdateFailedException">LastUpdateStatus (or State) became Failed.</exception>
    /// <exception cref="TimeoutException">Still in progress after <see cref="FunctionWaitOptions.Timeout"/>.</exception>
    public static async Task<GetFunctionConfigurationResponse> WaitUntilFunctionUpdatedAsync(
        this IAmazonLambda lambda, string functionName, CancellationToken cancellationToken,
        string? qualifier = null, FunctionWaitOptions? options = null)
    {
        options ??= new FunctionWaitOptions();
        var deadline = DateTime.UtcNow + options.Timeout;
        while (true)
        {
            var configuration = await lambda.GetFunctionConfigurationAsync(
                new GetFunctionConfigurationRequest { FunctionName = functionName, Qualifier = qualifier }, cancellationToken);

            if (configuration.LastUpdateStatus == LastUpdateStatus.Failed)
                throw new FunctionUpdateFailedException(functionName, configuration.LastUpdateStatusReason, configuration.LastUpdateStatusReasonCode?.Value);
            if (configuration.State == State.Failed)
                throw new FunctionUpdateFailedException(functionName, configuration.StateReason, configuration.StateReasonCode?.Value);
            // A function never updated since creation reports no LastUpdateStatus on some emulators; its State then decides.
            var updated = configuration.LastUpdateStatus is null || configuration.LastUpdateStatus == LastUpdateStatus.Successful;
            var active = configuration.State is null || configuration.State == State.Active;
            if (updated && active)
                return configuration;

            if (DateTime.UtcNow + options.PollInterval > deadline)
                throw new TimeoutException(
                    $"{functionName} was still updating after {options.Timeout.TotalSeconds:0} s " +
                    $"(State {configuration.State}, LastUpdateStatus {configuration.LastUpdateStatus}). Check it in the Lambda console and deploy again.");
            await Task.Delay(options.PollInterval, cancellationToken);
        }
    }
}
