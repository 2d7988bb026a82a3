using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Parameters;

public class ValueTests
{
    private sealed class Build : TestBuild
    {
        [Parameter("Say more")] public bool Verbose { get; set; }
        [Parameter("Attempts")] public int Retries { get; set; } = 1;
        [Parameter("How code rolls out")] public Rollout Strategy { get; set; }
        [Parameter("Projects")] public string[] Project { get; set; } = [];
        [Parameter("Where to deploy")] public string? Env { get; set; }
        [Parameter("Access token"), Secret] public string? Token { get; set; }
        [Parameter("How long to wait")] public TimeSpan? Wait { get; set; }

        public Target Show => _ => _.Executes(() =>
            Ran.Add($"{Verbose}|{Retries}|{Strategy}|{string.Join(",", Project)}|{Env}|{Wait}"));
    }

    public class Conversion
    {
        [Theory]
        [InlineData("--verbose", "True")]
        [InlineData("--verbose true", "True")]
        [InlineData("--verbose false", "False")]
        [InlineData("--verbose=false", "False")]
        public async Task A_bool_is_true_as_a_bare_flag_or_takes_true_or_false(string arguments, string expected)
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Show " + arguments);

            Assert.Equal(expected, build.Ran.Single().Split('|')[0]);
        }

        [Theory]
        [InlineData("canary", "Canary")]
        [InlineData("all-at-once", "AllAtOnce")]
        [InlineData("ALLATONCE", "AllAtOnce")]
        public async Task An_enum_takes_its_kebab_case_name_in_any_case(string value, string expected)
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Show --strategy " + value);

            Assert.Equal(expected, build.Ran.Single().Split('|')[2]);
        }

        [Theory]
        [InlineData("90s", "00:01:30")]
        [InlineData("15m", "00:15:00")]
        [InlineData("1h30m", "01:30:00")]
        [InlineData("00:10:00", "00:10:00")]
        public async Task A_duration_takes_hours_minutes_and_seconds_as_people_write_them_or_dotnets_format(string value, string expected)
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Show --wait " + value);

            Assert.Equal(expected, build.Ran.Single().Split('|')[5]);
        }

        [Theory]
        [InlineData("--project a b", "a,b")]
        [InlineData("--project a,b c", "a,b,c")]
        public async Task A_string_array_takes_several_words_or_commas(string arguments, string expected)
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Show " + arguments);

            Assert.Equal(expected, build.Ran.Single().Split('|')[3]);
        }
    }

    public class BadValues
    {
        [Theory]
        [InlineData("--retries many", "--retries expects a value of type int, but the command line gives 'many'")]
        [InlineData("--verbose maybe", "--verbose expects a value of type bool, but the command line gives 'maybe'")]
        [InlineData("--strategy blue-green", "--strategy expects one of all-at-once, canary, linear, but the command line gives 'blue-green'")]
        [InlineData("--env dev staging", "--env takes one value, but the command line gives 2: dev staging")]
        [InlineData("--wait 15", "--wait expects a duration such as 90s, 15m or 1h30m, but the command line gives '15'")]
        [InlineData("--wait soon", "--wait expects a duration such as 90s, 15m or 1h30m, but the command line gives 'soon'")]
        public async Task A_bad_command_line_value_exits_2_naming_the_parameter_and_source(string arguments, string message)
        {
            var build = new Build();

            var outcome = await InProcess.RunAsync(build, "Show " + arguments);

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains(message, outcome.Output);
            Assert.Empty(build.Ran);
        }

        [Fact]
        public async Task An_option_without_its_value_says_the_value_is_missing()
        {
            var outcome = await InProcess.RunAsync(new Build(), "Show --env");

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("--env needs a value", outcome.Output);
        }

        [Fact]
        public async Task A_list_option_without_values_is_a_usage_error_not_every_value()
        {
            // `--project` alone once meant "all projects" and deployed everything.
            var build = new Build();

            var outcome = await InProcess.RunAsync(build, "Show --project");

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("--project needs at least one value", outcome.Output);
            Assert.Empty(build.Ran);
        }

        [Fact]
        public async Task A_bad_environment_value_names_the_variable()
        {
            var outcome = await InProcess.RunAsync(new Build(), "Show", InProcess.Environment(("LIFTOFF_RETRIES", "x")));

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("--retries expects a value of type int, but the environment variable LIFTOFF_RETRIES gives 'x'", outcome.Output);
        }

        [Fact]
        public async Task A_bad_file_value_names_the_file()
        {
            using var root = new TestRoot().Write(".nuke/parameters.json", """{ "Retries": [1, 2] }""");

            var outcome = await InProcess.RunAsync(new Build(), "Show", root: root);

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("--retries expects a value of type int, but .nuke/parameters.json gives '[1, 2]'", outcome.Output);
        }

        [Fact]
        public async Task A_parameters_file_that_is_not_JSON_is_reported_with_its_line_and_column()
        {
            using var root = new TestRoot().Write(".nuke/parameters.json", "{\n  \"Retries\": 3,\n  oops\n}");

            var outcome = await InProcess.RunAsync(new Build(), "Show", root: root);

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains(".nuke/parameters.json:3:3: not valid JSON", outcome.Output);
        }

        [Fact]
        public async Task A_profile_without_its_file_says_which_file_is_missing()
        {
            var outcome = await InProcess.RunAsync(new Build(), "Show --profile staging");

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("The parameter profile 'staging' has no file .nuke/parameters.staging.json", outcome.Output);
        }

        [Fact]
        public async Task A_bad_secret_value_is_not_echoed()
        {
            var outcome = await InProcess.RunAsync(new Build(), "Show --token one two");

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("--token takes one value", outcome.Output);
            Assert.DoesNotContain("one two", outcome.Output);
        }
    }

    public class Unknown
    {
        [Fact]
        public async Task An_unknown_parameter_exits_2_and_suggests_the_closest()
        {
            var build = new Build();

            var outcome = await InProcess.RunAsync(build, "Show --retires 3");

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("Unknown parameter '--retires'. Did you mean '--retries'?", outcome.Output);
            Assert.Empty(build.Ran);
        }

        [Fact]
        public async Task An_unknown_parameter_far_from_any_points_to_help()
        {
            var outcome = await InProcess.RunAsync(new Build(), "Show --colour-scheme dark");

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("Unknown parameter '--colour-scheme'. Run ./build.sh --help to list the parameters.", outcome.Output);
        }

        [Fact]
        public async Task An_unknown_target_exits_2_and_suggests_the_closest()
        {
            var build = new Build();

            var outcome = await InProcess.RunAsync(build, "Shwo");

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("Unknown target 'Shwo'. Did you mean 'Show'?", outcome.Output);
            Assert.Empty(build.Ran);
        }

        [Fact]
        public async Task An_unknown_target_far_from_any_points_to_help()
        {
            var outcome = await InProcess.RunAsync(new Build(), "Everything");

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("Unknown target 'Everything'. Run ./build.sh --help to list the targets.", outcome.Output);
        }
    }
}
