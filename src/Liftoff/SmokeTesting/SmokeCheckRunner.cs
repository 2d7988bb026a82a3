using System.Diagnostics;
using Liftoff.Configuration;
using Liftoff.Invoking;
using Liftoff.Invoking.Http;
using Liftoff.Releases;

namespace Liftoff.SmokeTesting;

/// <summary>
/// Runs one smoke check until it passes or its time is up: an http check sends its request to the project's API
/// (<see cref="IHttpTarget"/>), an invoke check calls the function; the answer is held against the check's status,
/// bodyContains, json pointers and latency limit.
/// </summary>
public sealed class SmokeCheckRunner(IHttpTarget? http, IFunctionInvoker invoker, SmokeTestOptions options, TimeProvider? clock = null)
{
    private const int KeptResponseCharacters = 2000;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private sealed record Attempt(string? Failure, int? Status, TimeSpan Latency, string Response);

    public async Task<ReleaseSmokeCheck> RunAsync(SmokeCheck check, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var backoff = options.FirstBackoff;
        for (var attempts = 1; ; attempts++)
        {
            var attempt = await AttemptAsync(check, deadline, cancellationToken);
            var now = _clock.GetUtcNow();
            if (attempt.Failure is null || !options.Retry || now + backoff >= deadline)
                return new ReleaseSmokeCheck(check.Name, check.Kind == SmokeCheckKind.Http ? "http" : "invoke", attempt.Failure is null, attempts,
                    (long)attempt.Latency.TotalMilliseconds, attempt.Status, attempt.Failure,
                    attempt.Failure is null ? null : Shorten(attempt.Response));
            await Task.Delay(backoff, _clock, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
        }
    }

    private async Task<Attempt> AttemptAsync(SmokeCheck check, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var remaining = deadline - _clock.GetUtcNow();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(remaining < SmokeTestOptions.AttemptLimit ? (remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1)) : SmokeTestOptions.AttemptLimit);
        var watch = Stopwatch.StartNew();
        try
        {
            return check.Kind == SmokeCheckKind.Http
                ? await HttpAsync(check, watch, limit.Token)
                : await InvokeAsync(check, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt($"no answer within {watch.Elapsed.TotalSeconds:0.0} s", null, watch.Elapsed, "");
        }
        catch (Exception e) when (e is HttpRequestException or InvokeException)
        {
            return new Attempt(e.Message, null, watch.Elapsed, "");
        }
    }

    private async Task<Attempt> HttpAsync(SmokeCheck check, Stopwatch watch, CancellationToken cancellationToken)
    {
        if (http is null) throw new InvokeException("the project has no API to send http checks to (outputs.apiUrl in project.yaml)");
        var headers = new Dictionary<string, string>(check.Headers, StringComparer.OrdinalIgnoreCase);
        if (check.Body is not null) headers.TryAdd("content-type", "application/json");
        var (response, invocation) = await http.SendAsync(new ApiRequest(check.Method, check.Path, headers, check.Body), cancellationToken);
        var latency = watch.Elapsed;
        var failure = CheckEvaluation.Failure(check, response.StatusCode, response.Body, latency);
        if (failure is not null && invocation?.Error is { } error)
            failure += $" (the function failed: {error.ErrorType}: {error.ErrorMessage})";
        return new Attempt(failure, response.StatusCode, latency, response.Body);
    }

    private async Task<Attempt> InvokeAsync(SmokeCheck check, CancellationToken cancellationToken)
    {
        var result = await invoker.InvokeAsync(check.Function!, check.Payload, cancellationToken);
        if (result.Failed)
            return new Attempt(result.TimedOut
                ? $"the function timed out ({result.Error?.ErrorMessage})"
                : $"the function failed: {result.Error?.ErrorType}: {result.Error?.ErrorMessage}", null, result.Duration, result.Payload);
        return new Attempt(CheckEvaluation.Failure(check, null, result.Payload, result.Duration), null, result.Duration, result.Payload);
    }

    private static string Shorten(string response) =>
        response.Length <= KeptResponseCharacters ? response : response[..KeptResponseCharacters] + "…";
}
