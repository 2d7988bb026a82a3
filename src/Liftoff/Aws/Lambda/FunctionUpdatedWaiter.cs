using Liftoff.Aws.Lambda.Model;
using Liftoff.Aws.Requests;

namespace Liftoff.Aws.Lambda;

/// <summary>How often and how long <see cref="FunctionUpdatedWaiter"/> polls.</summary>
public sealed record FunctionWaitOptions
{
    /// <summary>
    /// The first pause between polls; it doubles up to <see cref="MaxPollInterval"/> (the model's FunctionUpdatedV2
    /// waiter polls every second, FunctionUpdated every 5 s).
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Waiting before an update of one's own: an earlier update that failed does not matter then (Lambda takes a new
    /// one, and the function still runs its previous code), so the configuration is returned instead of an exception.
    /// </summary>
    public bool BeforeOwnUpdate { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// Waits until Lambda has applied a code or configuration update, with the acceptors of the model's
/// FunctionUpdated waiter (LastUpdateStatus Successful: done; Failed: fails; InProgress: waits), which the
/// conformance test holds it to, and while the function is still being created (State Pending). Meanwhile Lambda
/// rejects PublishVersion and further updates with ResourceConflictException.
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
        var backoff = new PollingBackoff(options.PollInterval, options.MaxPollInterval, options.Time);
        var deadline = options.Time.GetUtcNow() + options.Timeout;
        while (true)
        {
            var configuration = await lambda.GetFunctionConfigurationAsync(
                new GetFunctionConfigurationRequest { FunctionName = functionName, Qualifier = qualifier }, cancellationToken);

            if (configuration.LastUpdateStatus == LastUpdateStatus.Failed && !options.BeforeOwnUpdate)
                throw new FunctionUpdateFailedException(functionName, configuration.LastUpdateStatusReason, configuration.LastUpdateStatusReasonCode?.Value);
            if (configuration.State == State.Failed)
                throw new FunctionUpdateFailedException(functionName, configuration.StateReason, configuration.StateReasonCode?.Value);
            // Some emulators report no State or LastUpdateStatus for a function never updated: nothing to wait for.
            if (configuration.State != State.Pending && configuration.LastUpdateStatus != LastUpdateStatus.InProgress)
                return configuration;

            if (options.Time.GetUtcNow() + backoff.Next > deadline)
                throw new TimeoutException(
                    $"{functionName} was still updating after {options.Timeout.TotalSeconds:0} s " +
                    $"(State {configuration.State}, LastUpdateStatus {configuration.LastUpdateStatus}). Check it in the Lambda console and deploy again.");
            await backoff.WaitAsync(cancellationToken);
        }
    }
}
