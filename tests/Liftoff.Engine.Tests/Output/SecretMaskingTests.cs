using CliWrap;
using Liftoff.Engine.Tests.Support;
using Spectre.Console;

namespace Liftoff.Engine.Tests.Output;

public class SecretMaskingTests
{
    private const string Token = "ghp_s3cr3tT0kenValue";

    private sealed class Build : TestBuild
    {
        [Parameter("Access token"), Secret] public string? Token { get; set; }
        [Parameter("Where to deploy")] public string? Env { get; set; }

        public Target Print => _ => _.Executes(() => Console.WriteLine($"token is {Token}"));

        public Target Markup => _ => _.Executes(() => Console.MarkupLine($"[bold]token[/] is {Token}"));

        public Target Throw => _ => _.Executes(() => throw new InvalidOperationException($"rejected {Token}"));

        public Target Child => _ => _.Executes(async ct =>
            await CliWrap.Cli.Wrap("sh")
                .WithArguments(["-c", "echo \"child sees $TOKEN\"; echo \"on stderr $TOKEN\" >&2"])
                .WithEnvironmentVariables(e => e.Set("TOKEN", Token))
                .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Console.WriteLine(line)))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Console.WriteLine(line)))
                .ExecuteAsync(ct));

        public Target Split => _ => _.Executes(() =>
        {
            var writer = Console.Profile.Out.Writer;
            writer.Write("first line\ntoken is " + Token![..7]);
            writer.Write(Token[7..] + " and more\n");
        });

        // Spectre flushes its writer after every write: the held-back start of a secret must survive a flush.
        public Target SplitConsole => _ => _.Executes(() =>
        {
            Console.Write("token is " + Token![..7]);
            Console.WriteLine(Token[7..] + " and more");
        });

        public Target Long => _ => _.Executes(() =>
            Console.WriteLine("session=" + string.Concat(Enumerable.Repeat(Token, 20)) + " end"));
    }

    private static Task<BuildOutcome> RunAsync(string target, Build? build = null, Dictionary<string, string>? environment = null) =>
        InProcess.RunAsync(build ?? new Build(), target + " --token " + Token, environment);

    [Theory]
    [InlineData("Print")]
    [InlineData("Markup")]
    [InlineData("Child")]
    [InlineData("Split")]
    [InlineData("SplitConsole")]
    public async Task A_secret_written_by_a_target_is_masked(string target)
    {
        var outcome = await RunAsync(target);

        Assert.Equal(0, outcome.ExitCode);
        Assert.DoesNotContain(Token, outcome.Output);
        Assert.Contains(SecretMasker.Mask, outcome.Output);
    }

    [Fact]
    public async Task A_child_process_output_on_both_streams_is_relayed_masked()
    {
        var outcome = await RunAsync("Child");

        Assert.Contains($"child sees {SecretMasker.Mask}", outcome.Output);
        Assert.Contains($"on stderr {SecretMasker.Mask}", outcome.Output);
    }

    [Fact]
    public async Task A_secret_split_across_two_writes_is_masked_and_the_text_around_it_kept()
    {
        var outcome = await RunAsync("Split");

        Assert.Contains("first line", outcome.Output);
        Assert.Contains($"token is {SecretMasker.Mask} and more", outcome.Output);
    }

    [Fact]
    public async Task A_secret_inside_a_line_longer_than_the_console_is_masked()
    {
        var build = new Build();
        var masks = string.Concat(Enumerable.Repeat(SecretMasker.Mask, 20));

        var outcome = await RunAsync("Long", build);

        Assert.DoesNotContain(Token[..10], outcome.Output);
        Assert.Contains("session=" + masks + " end", outcome.Output.Replace("\n", "").Replace("\r", ""));
    }

    [Fact]
    public async Task A_secret_in_a_failure_message_is_masked_also_in_the_GitHub_annotation()
    {
        var outcome = await RunAsync("Throw", environment: InProcess.Environment(("GITHUB_ACTIONS", "true")));

        Assert.Equal(1, outcome.ExitCode);
        Assert.DoesNotContain(Token, outcome.Output);
        Assert.Contains($"::error title=Target Throw failed::rejected {SecretMasker.Mask}", outcome.Output);
    }

    [Fact]
    public async Task A_secret_from_the_environment_is_masked()
    {
        var outcome = await InProcess.RunAsync(new Build(), "Print", InProcess.Environment(("LIFTOFF_TOKEN", Token)));

        Assert.DoesNotContain(Token, outcome.Output);
    }

    [Theory]
    [InlineData("NUKE_TOKEN")]
    [InlineData("parameters.json")]
    [InlineData("parameters.ci.json")]
    public async Task A_secret_from_any_source_is_masked(string source)
    {
        using var root = new TestRoot().Write(".nuke/parameters.json", "{}").Write(".nuke/parameters.ci.json", "{}");
        if (source.EndsWith(".json", StringComparison.Ordinal)) root.Write(".nuke/" + source, $$"""{ "Token": "{{Token}}" }""");
        var environment = source == "NUKE_TOKEN" ? InProcess.Environment(("NUKE_TOKEN", Token)) : null;

        var outcome = await InProcess.RunAsync(new Build(), "Print --profile ci", environment, root);

        Assert.Equal(0, outcome.ExitCode);
        Assert.DoesNotContain(Token, outcome.Output);
        Assert.Contains($"token is {SecretMasker.Mask}", outcome.Output);
    }

    [SecretVariables("CLOUD_SECRET_KEY")]
    private interface IHazCloud : ILiftoffBuild;

    private sealed class Cloud : TestBuild, IHazCloud
    {
        public Target Print => _ => _.Executes(() => Console.WriteLine($"key is {EnvironmentInfo.GetVariable("CLOUD_SECRET_KEY")}"));
    }

    [Fact]
    public async Task A_variable_a_component_declares_secret_is_masked_wherever_it_is_printed()
    {
        var outcome = await InProcess.RunAsync(new Cloud(), "Print", InProcess.Environment(("CLOUD_SECRET_KEY", "wJalrXUtnFEMI/K7MDENG")));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains($"key is {SecretMasker.Mask}", outcome.Output);
        Assert.DoesNotContain("wJalrXUtnFEMI", outcome.Output);
    }

    [Fact]
    public async Task Help_shows_a_secret_as_masked()
    {
        var outcome = await RunAsync("--help");

        Assert.DoesNotContain(Token, outcome.Output);
        Assert.Contains(outcome.Lines, l => l.Contains("--token") && l.Contains($"= {SecretMasker.Mask} (the command line)"));
    }

    private interface IHazApiKey : ILiftoffBuild
    {
        [Parameter("API key"), Secret]
        string? ApiKey => TryGetValue(() => ApiKey);
    }

    private sealed class Others : TestBuild, IHazApiKey
    {
        [Parameter("Signing key"), Secret] public string SigningKey { get; set; } = "built-in-signing-key";
        [Parameter("Deploy keys"), Secret] public string[] DeployKeys { get; set; } = [];

        public Target Print => _ => _.Executes(() =>
            Console.WriteLine($"{SigningKey} {string.Join(" ", DeployKeys)} {((IHazApiKey)this).ApiKey}"));
    }

    [Fact]
    public async Task Secrets_of_every_kind_are_masked_defaults_arrays_and_interface_parameters()
    {
        var outcome = await InProcess.RunAsync(new Others(), "Print --deploy-keys first-deploy-key second-deploy-key --api-key interface-api-key");

        Assert.Equal(0, outcome.ExitCode);
        foreach (var secret in new[] { "built-in-signing-key", "first-deploy-key", "second-deploy-key", "interface-api-key" })
            Assert.DoesNotContain(secret, outcome.Output);
    }

    [Fact]
    public async Task A_value_that_is_not_secret_is_printed()
    {
        var outcome = await InProcess.RunAsync(new Build(), "--help --env staging-eu");

        Assert.Contains("staging-eu", outcome.Output);
    }
}
