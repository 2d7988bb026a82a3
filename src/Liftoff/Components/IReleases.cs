using Liftoff.Engine;
using Liftoff.Releases;

namespace Liftoff.Components;

/// <summary><c>./build.sh Releases --env X [--project Y] [--json]</c>: what was released where, by whom, and how it ended.</summary>
public interface IReleases : IHazAws, ILocalAws, IHazJson
{
    [Parameter("Releases: how many releases to show per project (default 20)")]
    int? Last => TryGetValue(() => Last);

    Target Releases => _ => _
        .Description("Lists the selected projects' releases in --env, newest first (--json for scripts)")
        .DependsOn<ILocalAws>(x => x.LocalAws)
        .Requires(() => Env)
        .Executes(async ct =>
        {
            var ledgers = ProjectEnvironments
                .Select(p => (p.Project, p.Environment, new ReleaseLedger(AwsClientsFor(p).S3, p.ArtifactBucket)))
                .ToList();
            var histories = await ReleaseReport.ReadAsync(ledgers, Last ?? 20, ct);
            if (Json) await ReleaseReport.WriteJsonAsync(StandardOutput, histories, ct);
            else ReleaseReport.WriteTables(Console, histories);
        });
}
