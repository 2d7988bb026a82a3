using System.Text.RegularExpressions;
using Liftoff.Configuration.Runtimes;

namespace Liftoff.Packaging;

/// <summary>
/// What to do about a handler that does not load, read from the error itself: a missing package, a file
/// left out of the artifact, an AWS SDK without a region or credentials at import time, a variable the
/// function's environment does not set, syntax the local runtime is too old for. Anything else: fix the
/// error shown.
/// </summary>
internal static partial class LoadFailureHint
{
    public static string For(string error, ArtifactRequest request, LambdaEnvironment environment, LocalRuntime local, LambdaRuntime? runtime)
    {
        // Whatever the error, a local runtime older than Lambda's may be part of it.
        var older = local.OlderThan(runtime);
        var hint = Hint(error, request, environment, runtime, older is not null);
        return older is null ? hint : $"{hint} Also, {older}.";
    }

    private static string Hint(string error, ArtifactRequest request, LambdaEnvironment environment, LambdaRuntime? runtime, bool older)
    {
        var python = runtime?.Language == RuntimeLanguage.Python;

        if (error.Contains("NoRegionError", StringComparison.Ordinal) || RegionMissing().IsMatch(error))
            return $"An AWS SDK found no region. The check sets AWS_REGION and AWS_DEFAULT_REGION ({environment.Region}), as Lambda does, " +
                   "and reads no profile or ~/.aws/config: code that takes its region from those finds none on Lambda either. " +
                   "Leave the region to the SDK's defaults or read AWS_REGION.";
        if (CredentialsMissing().IsMatch(error))
            return "The code asked AWS for something while loading. The check runs it without credentials, so user code never sees the " +
                   "deployer's; on Lambda it gets its role's. Make AWS calls inside the handler, not at import time.";
        if (MissingModule().Match(error) is { Success: true } missing)
        {
            var module = missing.Groups["module"].Value;
            if (module.StartsWith('.') || module.StartsWith('/') || IsStaged(request, module))
                return $"'{module}' is not in the artifact: check the function's include and exclude globs in project.yaml and the files left out " +
                       "by default (Packaging, \"What goes in\").";
            return python
                ? $"The package '{module}' is not in the artifact: list it in requirements.txt (Lambda's Python runtime brings only boto3)."
                : $"The package '{module}' is not in the artifact: list it in package.json's dependencies, not devDependencies " +
                  "(the check loads the artifact alone, without the AWS SDK Lambda's Node.js runtime brings).";
        }
        if (python && KeyError().Match(error) is { Success: true } key)
            return $"The code reads the environment variable {key.Groups["name"].Value} while loading and it is not set: add it to " +
                   $"functions.{request.Function}.environment in project.yaml (the check gets the function's environment, as Lambda does).";
        if (error.Contains("SyntaxError", StringComparison.Ordinal) && older)
            return $"Syntax the local runtime does not know may be valid in {runtime!.Id}.";
        return "Fix the error above, then package again.";
    }

    /// <summary>The module is one of the function's own files (staged, then left out of the zip), not a package.</summary>
    private static bool IsStaged(ArtifactRequest request, string module)
    {
        var first = Path.Combine(request.StagingDirectory, module.Split('.', '/')[0]);
        return Directory.Exists(first) || File.Exists(first + ".py");
    }

    // botocore: "NoRegionError: You must specify a region."; AWS SDK for JavaScript v3: "Error: Region is missing".
    [GeneratedRegex(@"Region is missing|Missing region in config")]
    private static partial Regex RegionMissing();

    [GeneratedRegex(@"NoCredentialsError|Unable to locate credentials|CredentialsProviderError|Could not load credentials")]
    private static partial Regex CredentialsMissing();

    // Python: "No module named 'x'"; node: "Cannot find module 'x'", "Cannot find package 'x'" (ES modules).
    [GeneratedRegex(@"(?:No module named|Cannot find module|Cannot find package) '(?<module>[^']+)'")]
    private static partial Regex MissingModule();

    [GeneratedRegex(@"^KeyError: '(?<name>[A-Z][A-Z0-9_]*)'", RegexOptions.Multiline)]
    private static partial Regex KeyError();
}
