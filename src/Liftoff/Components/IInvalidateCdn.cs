using Liftoff.Deploying.Cdn;
using Liftoff.Engine;
using Liftoff.Releases;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh InvalidateCdn --env X [--project Y] [--wait]</c>: invalidates in CloudFront what the live release
/// changed or deleted in the front end (its record's paths), collapsed into wildcard prefixes over the project's
/// limit, within CloudFront's limits on paths in progress; the invalidation id goes into the release record. The
/// distribution comes from the stack (outputs.distributionId); a local AWS without one is skipped, saying so.
/// Triggered by SmokeTest; a release already invalidated is left alone unless --force.
/// </summary>
public interface IInvalidateCdn : IHazAws, ILocalAws, IHazForce, IHazCdnWait
{
    /// <summary>The live release of each project that Deploy found up to date in this run (and so left as it was).</summary>
    Dictionary<string, Release> ReleasesLeftLive => Cached(() => new Dictionary<string, Release>(StringComparer.Ordinal));

    Target InvalidateCdn => _ => _
        .Description("Invalidates in CloudFront the paths the live release changed (--wait follows it)")
        .DependsOn<ILocalAws>(x => x.LocalAws)
        .Requires(() => Env)
        .Executes(async ct => await new InvalidateCdnRun(AwsClientsFor, Console).RunAsync(ProjectEnvironments, CdnOptions, Force, ct, ReleasesLeftLive));
}
