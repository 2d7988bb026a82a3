using Liftoff.Deploying.Stacks;
using Liftoff.Releases;

namespace Liftoff.Tests.Releases;

/// <summary>A NoEcho stack parameter never reaches the release record in plain text, yet a change to it still redeploys.</summary>
public sealed class RecordedParametersTests
{
    private const string Template = """
        Parameters:
          Environment: {Type: String}
          DbPassword: {Type: String, NoEcho: true}
          ApiToken:
            Type: String
            NoEcho: "true"
          Verbose: {Type: String, NoEcho: false}
        Resources: {}
        """;

    private static IReadOnlyDictionary<string, string> Recorded(string password, string environment = "staging") =>
        RecordedParameters.Of(
            new Dictionary<string, string> { ["Environment"] = environment, ["DbPassword"] = password, ["ApiToken"] = "tok-123", ["Verbose"] = "yes" },
            new StackTemplate(Template).NoEchoParameters(), "people", environment);

    [Fact]
    public void The_template_declares_which_parameters_are_NoEcho_as_a_boolean_or_a_string() =>
        Assert.Equal(["ApiToken", "DbPassword"], new StackTemplate(Template).NoEchoParameters()!.Order());

    [Fact]
    public void NoEcho_values_are_masked_in_the_record_as_written_and_the_others_kept()
    {
        var release = new Release
        {
            Kind = ReleaseKind.Deploy, Project = "people", Environment = "staging",
            Actor = new ReleaseActor("alice", "laptop", 1), StackParameters = Recorded("hunter2-secret"),
        };

        var json = System.Text.Encoding.UTF8.GetString(ReleaseJson.Serialize(release));

        Assert.DoesNotContain("hunter2-secret", json);
        Assert.DoesNotContain("tok-123", json);
        Assert.StartsWith("****sha256:", release.StackParameters["DbPassword"]);
        Assert.Equal("staging", release.StackParameters["Environment"]);
        Assert.Equal("yes", release.StackParameters["Verbose"]);
    }

    [Fact]
    public void A_changed_NoEcho_value_is_still_a_reason_to_deploy()
    {
        var live = new Release
        {
            Kind = ReleaseKind.Deploy, Project = "people", Environment = "staging",
            Actor = new ReleaseActor("alice", "laptop", 1), StackParameters = Recorded("old-password"),
        };

        Assert.Empty(ReleaseDifference.Between(live, live with { StackParameters = Recorded("old-password") }));
        Assert.Equal(["parameter DbPassword"], ReleaseDifference.Between(live, live with { StackParameters = Recorded("new-password") }));
    }

    [Fact]
    public void The_same_secret_in_another_environment_has_another_fingerprint() =>
        Assert.NotEqual(Recorded("same", "staging")["DbPassword"], Recorded("same", "prod")["DbPassword"]);

    [Fact]
    public void When_the_template_cannot_be_read_every_value_is_masked()
    {
        var recorded = RecordedParameters.Of(new Dictionary<string, string> { ["Environment"] = "dev" },
            new StackTemplate("Parameters: [unclosed").NoEchoParameters(), "people", "dev");

        Assert.True(RecordedParameters.IsMasked(recorded["Environment"]));
    }
}
