using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.Local;
using Liftoff.Components;
using Liftoff.Engine;
using Liftoff.Tests.Configuration;
using Spectre.Console;

using Liftoff.Tests.Support;

namespace Liftoff.Tests.Components;

/// <summary>The LocalAws and LocalAwsStop targets and --aws-profile, run in-process as ./build.sh would run them.</summary>
public sealed class LocalAwsComponentTests : IDisposable
{
    private readonly int _port = MotoServer.FreePort();
    private readonly TempRepository _repository = ValidRepository.Create();

    public LocalAwsComponentTests()
    {
        _repository.Folder(".nuke").Write("environments.yaml", $"""
            environments:
              dev:
                region: us-east-1
                artifactBucket: liftoff-artifacts-{"{env}"}
              local:
                region: us-east-1
                endpointUrl: http://127.0.0.1:{_port}
                artifactBucket: liftoff-artifacts-{"{env}"}
            """);
    }

    public void Dispose() => _repository.Dispose();

    private Task<(int ExitCode, string Output)> RunAsync(string commandLine, params (string, string)[] environment) =>
        ComponentRun.RunAsync<AwsBuild>(_repository.Root, commandLine, environment.ToDictionary(e => e.Item1, e => e.Item2));

    [Fact]
    public async Task An_AWS_target_with_env_local_gets_a_running_local_AWS_and_LocalAwsStop_stops_it()
    {
        var endpoint = $"http://127.0.0.1:{_port}";
        try
        {
            var run = await RunAsync("ListStacks --env local");

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.True(run.Output.Contains($"answers on {endpoint}"), run.Output);
            Assert.Contains("stacks: 0", run.Output);
            Assert.True(File.Exists(Path.Combine(_repository.Root, ".nuke", "temp", "local-aws.pid")));
            Assert.True(await MotoServer.IsAnsweringAsync(endpoint, CancellationToken.None)); // left running for the next command
        }
        finally
        {
            var stop = await RunAsync("LocalAwsStop");
            Assert.True(stop.ExitCode == 0, stop.Output);
            Assert.Contains("stopped moto", stop.Output);
        }
        Assert.False(await MotoServer.IsAnsweringAsync(endpoint, CancellationToken.None));
    }

    [Fact]
    public async Task LocalAws_does_nothing_for_other_environments()
    {
        var run = await RunAsync("LocalAws --env dev");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.False(File.Exists(Path.Combine(_repository.Root, ".nuke", "temp", "local-aws.pid")));
        Assert.False(await MotoServer.IsAnsweringAsync($"http://127.0.0.1:{_port}", CancellationToken.None));
    }

    [Fact]
    public async Task The_AWS_profile_comes_from_aws_profile_or_AWS_PROFILE()
    {
        var fromOption = await RunAsync("ShowProfile --aws-profile release");
        var fromEnvironment = await RunAsync("ShowProfile", ("AWS_PROFILE", "ci"));

        Assert.Contains("profile: release", fromOption.Output);
        Assert.Contains("profile: ci", fromEnvironment.Output);
    }

    private sealed class AwsBuild : LiftoffBuild, ILocalAws, IHazAws
    {
        private ILocalAws Local => this;

        public Target ListStacks => _ => _
            .DependsOn<ILocalAws>(x => x.LocalAws)
            .Executes(async ct =>
            {
                var aws = ((IHazAws)this).AwsClientsFor(Local.ProjectEnvironments.Single());
                Assert.Same(aws, ((IHazAws)this).AwsClientsFor(Local.ProjectEnvironments.Single()));
                var stacks = await aws.CloudFormation.DescribeStacksAsync(new DescribeStacksRequest(), ct);
                Console.WriteLine($"stacks: {stacks.Stacks.Count}");
            });

        public Target ShowProfile => _ => _.Executes(() => Console.WriteLine($"profile: {((IHazAws)this).AwsProfile}"));
    }
}
