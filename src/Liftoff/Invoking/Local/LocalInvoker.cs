using System.Collections.Concurrent;
using Liftoff.Aws;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Configuration;
using Liftoff.Configuration.Runtimes;
using Liftoff.Packaging;
using Liftoff.Releases;

namespace Liftoff.Invoking.Local;

/// <summary>
/// Runs a project's functions on this machine for the local AWS, which stores functions but cannot run them:
/// the code is the zip the live release recorded (from the artifact bucket), the settings (handler, runtime,
/// memory, timeout, environment) are the released version's configuration read back from Lambda, and the
/// SDKs inside the function reach the local AWS through AWS_ENDPOINT_URL.
/// </summary>
public sealed class LocalInvoker(AwsClients clients, ProjectEnvironment project, Release live, LambdaRuntimeCache runtimes) : IFunctionInvoker
{
    private readonly LocalFunctionRunner _runner = new(runtimes);
    private readonly ConcurrentDictionary<string, Lazy<Task<Prepared>>> _prepared = new(StringComparer.Ordinal);

    private sealed record Prepared(LocalFunction Function, InvokedFunction Description);

    public async Task<InvokedFunction> DescribeAsync(string function, CancellationToken cancellationToken) =>
        (await PrepareAsync(function, cancellationToken)).Description;

    public async Task<InvocationResult> InvokeAsync(string function, string eventJson, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(function, cancellationToken);
        var result = await _runner.InvokeAsync(prepared.Function, eventJson, cancellationToken);
        return result with { ExecutedVersion = prepared.Function.Environment.Version };
    }

    private Task<Prepared> PrepareAsync(string function, CancellationToken cancellationToken) =>
        // Once per function and run: later calls (a SmokeTest's checks) reuse the code folder and configuration.
        _prepared.GetOrAdd(function, f => new Lazy<Task<Prepared>>(() => LoadAsync(f, cancellationToken))).Value;

    private async Task<Prepared> LoadAsync(string function, CancellationToken cancellationToken)
    {
        var declared = project.Functions.FirstOrDefault(f => f.Name == function)
            ?? throw new InvokeException($"{project.Project} has no function '{function}'; its functions: {string.Join(", ", project.Functions.Select(f => f.Name))}.");
        var artifact = live.Artifacts.FirstOrDefault(a => a.Function == function)
            ?? throw new InvokeException($"Release {live.Id} of {project.Project} has no package for '{function}': deploy the project again.");
        var qualifier = live.FunctionVersions.GetValueOrDefault(function) ?? declared.AliasName;
        var name = declared.FunctionName ?? declared.LogicalId;

        GetFunctionConfigurationResponse deployed;
        try
        {
            deployed = await clients.Lambda.GetFunctionConfigurationAsync(
                new GetFunctionConfigurationRequest { FunctionName = name, Qualifier = qualifier }, cancellationToken);
        }
        catch (ResourceNotFoundException e)
        {
            throw new InvokeException(
                $"{name}:{qualifier} is not in {project.Environment}'s Lambda, though release {live.Id} recorded it. " +
                $"Deploy again: ./build.sh Deploy --env {project.Environment} --project {project.Project} --force", e);
        }

        var taskRoot = await new ReleasedCode(clients.S3, project.ArtifactBucket, runtimes.CodeDirectory).ExtractAsync(artifact, cancellationToken);
        var runtime = deployed.Runtime?.Value ?? declared.Runtime;
        // Lambda's defaults (128 MB, 3 s) where neither the function nor project.yaml says.
        var environment = new LambdaEnvironment(name, project.Region, runtime, deployed.Handler ?? declared.Handler,
            deployed.MemorySize ?? declared.MemorySize ?? 128, deployed.Environment?.Variables ?? new Dictionary<string, string>())
        {
            Version = deployed.Version ?? qualifier,
        };
        environment = environment with { Session = LocalSession.For(environment, project.EndpointUrl, runtimes.Directory) };
        var timeout = TimeSpan.FromSeconds(deployed.Timeout ?? declared.Timeout ?? 3);
        var local = new LocalFunction(environment, taskRoot, timeout, InvokedArn(deployed.FunctionArn, name, declared.AliasName));
        var lambdaRuntime = LambdaRuntime.Parse(runtime)
            ?? throw new InvokeException($"{name} runs on {runtime}, which Liftoff cannot run on this machine (only nodejs and python runtimes).");
        var (program, _) = await runtimes.ResolveAsync(lambdaRuntime.Language, cancellationToken);
        var description = new InvokedFunction(function, name, environment.Version,
            $"local {program}", Note(lambdaRuntime, program, deployed, artifact));
        return new Prepared(local, description);
    }

    /// <summary>The ARN a caller of the alias names: the function's, qualified with the alias (<c>live</c>).</summary>
    private string InvokedArn(string? versionArn, string functionName, string alias)
    {
        var arn = versionArn ?? $"arn:aws:lambda:{project.Region}:000000000000:function:{functionName}";
        var at = arn.IndexOf($":function:{functionName}", StringComparison.Ordinal);
        return (at < 0 ? arn : arn[..(at + ":function:".Length + functionName.Length)]) + ":" + alias;
    }

    /// <summary>What differs from Lambda here, said once: an older local runtime, or code that is not what the release recorded.</summary>
    private static string? Note(LambdaRuntime runtime, LocalRuntime program, GetFunctionConfigurationResponse deployed, ReleaseArtifact artifact)
    {
        var notes = new List<string>();
        if (program.IsOlderThan(runtime)) notes.Add($"the local {program} is older than the function's runtime {runtime.Id}");
        if (deployed.CodeSha256 is { } sha && !string.Equals(sha, Aws.Storage.ContentHash.Base64FromHex(artifact.Sha256Hex), StringComparison.Ordinal))
            notes.Add("the function's code in Lambda differs from the release's package (changed outside Liftoff?); running the release's");
        return notes.Count == 0 ? null : string.Join("; ", notes);
    }
}
