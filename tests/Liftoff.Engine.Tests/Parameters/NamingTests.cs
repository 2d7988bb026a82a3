using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Parameters;

public class NamingTests
{
    private sealed class Build : TestBuild
    {
        [Parameter("AWS profile")] public string? AWSProfile { get; set; }
        [Parameter("Artifact bucket")] public string? S3Bucket { get; set; }
        [Parameter("Max parallel projects")] public int MaxParallelProjects { get; set; }
        [Parameter("NuGet key")] public string? NuGetApiKey { get; set; }
        [Parameter("GitHub token")] public string? GitHubToken { get; set; }

        public Target Show => _ => _.Executes(() => Ran.Add($"{AWSProfile}|{S3Bucket}|{MaxParallelProjects}"));
        public Target Keys => _ => _.Executes(() => Ran.Add($"{NuGetApiKey}|{GitHubToken}"));
    }

    [Fact]
    public async Task Member_names_become_kebab_case_options_with_acronyms_and_digits_kept_whole()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Show --aws-profile sso --s3-bucket art --max-parallel-projects 4");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["sso|art|4"], build.Ran);
    }

    [Fact]
    public async Task Member_names_become_upper_snake_case_environment_variables_with_LIFTOFF_or_NUKE_before_them()
    {
        var build = new Build();

        await InProcess.RunAsync(build, "Show", InProcess.Environment(
            ("LIFTOFF_AWS_PROFILE", "sso"), ("LIFTOFF_S3_BUCKET", "art"), ("NUKE_MAX_PARALLEL_PROJECTS", "4")));

        Assert.Equal(["sso|art|4"], build.Ran);
    }

    [Theory]
    [InlineData("--nuget-api-key k --github-token t")]
    [InlineData("--NuGetApiKey k --GitHubToken t")]
    [InlineData("--nugetapikey k --githubtoken t")]
    [InlineData("-NuGetApiKey k -GitHubToken t")]
    [InlineData("--nuget_api_key k --github_token t")]
    public async Task NuGet_and_GitHub_are_single_words_and_names_match_ignoring_case_and_dashes(string arguments)
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Keys " + arguments);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["k|t"], build.Ran);
    }

    [Fact]
    public async Task NuGet_and_GitHub_are_single_words_in_the_environment_too()
    {
        var build = new Build();

        await InProcess.RunAsync(build, "Keys", InProcess.Environment(("NUKE_NUGET_API_KEY", "k"), ("LIFTOFF_GITHUB_TOKEN", "t")));

        Assert.Equal(["k|t"], build.Ran);
    }

    [Fact]
    public async Task Help_lists_NuGet_and_GitHub_parameters_as_NUKE_names_them()
    {
        var outcome = await InProcess.RunAsync(new Build(), "--help");

        Assert.Contains(outcome.Lines, l => l.TrimStart().StartsWith("--nuget-api-key ", StringComparison.Ordinal));
        Assert.Contains(outcome.Lines, l => l.TrimStart().StartsWith("--github-token ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Option_names_ignore_case()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Show --AWS-Profile sso");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["sso||0"], build.Ran);
    }
}
