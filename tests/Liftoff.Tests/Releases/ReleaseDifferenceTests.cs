using Liftoff.Releases;

namespace Liftoff.Tests.Releases;

public sealed class ReleaseDifferenceTests
{
    private static readonly Release Live = new()
    {
        Kind = ReleaseKind.Deploy,
        Project = "people",
        Environment = "staging",
        Actor = new ReleaseActor("alice", "laptop", 1),
        Artifacts = [new ReleaseArtifact("api", "aa", "people/api/aa.zip"), new ReleaseArtifact("worker", "bb", "people/worker/bb.zip")],
        TemplateSha256 = "t1",
        StackParameters = new Dictionary<string, string> { ["Environment"] = "staging", ["ApiCodeKey"] = "people/api/aa.zip" },
        Assets = new ReleaseAssets("m1", []),
    };

    [Fact]
    public void The_same_inputs_are_up_to_date_whoever_runs_them() =>
        Assert.Empty(ReleaseDifference.Between(Live, Live with { Actor = new ReleaseActor("ci", "runner", 2), Id = "other" }));

    [Fact]
    public void Without_a_live_release_everything_is_new() =>
        Assert.Equal(["first release"], ReleaseDifference.Between(null, Live));

    [Fact]
    public void Each_kind_of_change_is_named()
    {
        var planned = Live with
        {
            Artifacts = [new ReleaseArtifact("api", "cc", "people/api/cc.zip"), new ReleaseArtifact("render", "dd", "people/render/dd.zip")],
            TemplateSha256 = "t2",
            StackParameters = new Dictionary<string, string> { ["Environment"] = "staging", ["ApiCodeKey"] = "people/api/cc.zip" },
            Assets = new ReleaseAssets("m2", []),
        };

        Assert.Equal(
            ["api: new code", "render: new function", "worker: removed", "template", "parameter ApiCodeKey", "front-end files"],
            ReleaseDifference.Between(Live, planned));
    }
}
