using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Configuration;

namespace Liftoff.Invoking.Remote;

/// <summary>
/// Calls a project's functions in Lambda through the alias that serves traffic (<c>live</c>, or the template's
/// AutoPublishAlias; the Invoke operation, RequestResponse,
/// with the last 4 KB of the log), so a call reaches exactly what the release put behind the alias.
/// </summary>
public sealed partial class LambdaInvoker(IAmazonLambda lambda, ProjectEnvironment project) : IFunctionInvoker
{
    public Task<InvokedFunction> DescribeAsync(string function, CancellationToken cancellationToken) =>
        Task.FromResult(new InvokedFunction(function, NameOf(FunctionOf(function)), FunctionOf(function).AliasName, "AWS Lambda"));

    public async Task<InvocationResult> InvokeAsync(string function, string eventJson, CancellationToken cancellationToken)
    {
        var name = NameOf(FunctionOf(function));
        var alias = FunctionOf(function).AliasName;
        var clock = Stopwatch.StartNew();
        InvokeResponse response;
        try
        {
            response = await lambda.InvokeAsync(new InvokeRequest
            {
                FunctionName = name,
                Qualifier = alias,
                InvocationType = InvocationType.RequestResponse,
                LogType = LogType.Tail,
                Payload = eventJson,
            }, cancellationToken);
        }
        catch (ResourceNotFoundException e)
        {
            throw new InvokeException($"{name}:{alias} does not exist in {project.Environment}: deploy {project.Project} first (./build.sh Deploy --env {project.Environment} --project {project.Project}).", e);
        }
        var elapsed = clock.Elapsed;
        var logs = response.LogResult is null ? [] : Encoding.UTF8.GetString(Convert.FromBase64String(response.LogResult))
            .Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var payload = Encoding.UTF8.GetString(response.Payload.ToArray());
        return new InvocationResult
        {
            Payload = payload.Length == 0 ? "null" : payload,
            FunctionError = response.FunctionError,
            TimedOut = payload.Contains("Task timed out after", StringComparison.Ordinal),
            RequestId = response.ResponseMetadata?.RequestId ?? "",
            Logs = logs,
            // Lambda's own measure when its REPORT line is in the tail; else the round trip.
            Duration = Reported(logs, Duration()) ?? elapsed,
            InitDuration = Reported(logs, InitDuration()),
            ExecutedVersion = response.ExecutedVersion,
        };
    }

    private static string NameOf(FunctionEnvironment function) => function.FunctionName ?? function.LogicalId;

    private FunctionEnvironment FunctionOf(string function) =>
        project.Functions.FirstOrDefault(f => f.Name == function)
        ?? throw new InvokeException($"{project.Project} has no function '{function}'; its functions: {string.Join(", ", project.Functions.Select(f => f.Name))}.");

    private static TimeSpan? Reported(IReadOnlyList<string> logs, Regex pattern)
    {
        var report = logs.LastOrDefault(l => l.StartsWith("REPORT ", StringComparison.Ordinal));
        return report is not null && pattern.Match(report) is { Success: true } m
            ? TimeSpan.FromMilliseconds(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"\tDuration: ([0-9.]+) ms")]
    private static partial Regex Duration();

    [GeneratedRegex(@"Init Duration: ([0-9.]+) ms")]
    private static partial Regex InitDuration();
}
