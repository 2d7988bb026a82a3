using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Parameters;

public class NamingTests
{
    private sealed class Build : TestBuild
    {
        [Parameter("AWS profile")] public string? AWSProfile { get; set; }
        [Parameter("Artifact bucket")] public string? S3Bucket { get; set; }
        [Parameter("Max parallel projects")] public int MaxParallelProjects { get; set; }

        public Target Show => _ => _.Executes(() => Ran.Add($"{AWSProfile}|{S3Bucket}|{MaxParallelProjects}"));
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
    public async Task Member_names_become_upper_snake_case_environment_variables()
    {
        var build = new Build();

        await InProcess.RunAsync(build, "Show", InProcess.Environment(
            ("AWS_PROFILE", "sso"), ("LIFTOFF_S3_BUCKET", "art"), ("MAX_PARALLEL_PROJECTS", "4")));

        Assert.Equal(["sso|art|4"], build.Ran);
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
