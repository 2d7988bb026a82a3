using System.Text.RegularExpressions;
using Liftoff.Ci.Yaml;
using Liftoff.Engine.CI.GitHubActions;

namespace Liftoff.Ci.Workflows;

/// <summary>The steps every generated job is made of. Action versions are pinned to their major release.</summary>
internal static partial class WorkflowSteps
{
    public const string Checkout = "actions/checkout@v4";
    public const string Cache = "actions/cache@v4";
    public const string UploadArtifact = "actions/upload-artifact@v4";
    public const string AwsCredentials = "aws-actions/configure-aws-credentials@v4";

    /// <summary>Where Test leaves its TRX files (the Test target's `dotnet test --results-directory`).</summary>
    public const string TestResults = ".nuke/temp/test-results";

    public static YamlMap CheckoutStep(GitHubActionsAttribute workflow, uint? fetchDepth = null)
    {
        var with = new YamlMap
        {
            ["fetch-depth"] = (int)(fetchDepth ?? workflow.FetchDepth) == 1 ? null : (int)(fetchDepth ?? workflow.FetchDepth),
            ["lfs"] = workflow.Lfs ? true : null,
            ["submodules"] = workflow.Submodules == GitHubActionsSubmodules.False ? null : WorkflowTriggers.SubmodulesValue(workflow.Submodules),
            ["progress"] = workflow.Progress ? null : false,
        };
        return new YamlMap { ["uses"] = Checkout, ["with"] = with.Count == 0 ? null : with };
    }

    /// <summary>NuGet, the SDK build.sh installs, and npm's download cache, keyed by everything that decides them.</summary>
    public static YamlMap CacheStep(GitHubActionsAttribute workflow)
    {
        var keyFiles = workflow.CacheKeyFiles.Append("**/package-lock.json").Distinct().Select(f => $"'{f}'");
        var paths = workflow.CacheIncludePatterns.Append("~/.npm").Distinct()
            .Concat(workflow.CacheExcludePatterns.Select(p => "!" + p));
        return new YamlMap
        {
            ["name"] = "Cache NuGet, npm and the .NET SDK",
            ["uses"] = Cache,
            ["with"] = new YamlMap
            {
                ["path"] = string.Join("\n", paths) + "\n",
                ["key"] = $"${{{{ runner.os }}}}-liftoff-${{{{ hashFiles({string.Join(", ", keyFiles)}) }}}}",
            },
        };
    }

    public static YamlMap AwsCredentialsStep(string roleArn, string region) => new()
    {
        ["name"] = "AWS credentials (OIDC, no stored keys)",
        ["uses"] = AwsCredentials,
        ["with"] = new YamlMap { ["role-to-assume"] = roleArn, ["aws-region"] = region },
    };

    public static YamlMap BuildStep(GitHubActionsAttribute workflow, GitHubActionsImage image, string name, string arguments, YamlMap? env = null)
    {
        var variables = env ?? new YamlMap();
        if (workflow.EnableGitHubToken) variables["GITHUB_TOKEN"] = "${{ secrets.GITHUB_TOKEN }}";
        if (workflow.EnableGitHubContext) variables["GITHUB_CONTEXT"] = "${{ toJSON(github) }}";
        foreach (var secret in workflow.ImportSecrets)
            variables["LIFTOFF_" + UpperSnake(secret)] = $"${{{{ secrets.{UpperSnake(secret)} }}}}";
        return new YamlMap
        {
            ["name"] = name,
            ["run"] = $"{Bootstrap(image)} {arguments}",
            ["env"] = variables.Count == 0 ? null : variables,
        };
    }

    /// <summary>The TRX files of Test, kept whether the tests passed or not.</summary>
    public static YamlMap UploadTestResultsStep() => new()
    {
        ["name"] = "Publish test results",
        ["if"] = "always()",
        ["uses"] = UploadArtifact,
        ["with"] = new YamlMap
        {
            ["name"] = "test-results-${{ github.job }}",
            ["path"] = TestResults,
            ["if-no-files-found"] = "ignore",
        },
    };

    public static string Bootstrap(GitHubActionsImage image) => image.ToString().StartsWith("Windows", StringComparison.Ordinal) ? "./build.ps1" : "./build.sh";

    /// <summary>NuGetApiKey → NUGET_API_KEY, as the build's parameters read the environment.</summary>
    public static string UpperSnake(string name) => Boundary().Replace(name, "_").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex Boundary();
}
