using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying.FrontEnd;
using Liftoff.Deploying.Locking;
using Liftoff.Deploying.Stacks;
using Liftoff.Releases;
using Liftoff.Uploading;
using Spectre.Console;

namespace Liftoff.Deploying.RollingBack;

/// <summary>
/// Puts a release's front end back in the site bucket: the files that differ copied from the copies kept by hash when a
/// later release replaced or deleted them (inside S3, with the headers the release recorded), pages last, and the files
/// that release did not have deleted. What this puts back replaces the live release's files, which are kept the same
/// way first, so a later rollback to the live release still finds them.
/// </summary>
internal sealed class SiteRestore(AwsClients clients, IAnsiConsole console)
{
    /// <summary>What would change in the site bucket (nothing changed yet); null when the front end is already as recorded.</summary>
    public async Task<SitePublishPlan?> PlanAsync(ProjectEnvironment environment, Release live, Release target, CancellationToken cancellationToken)
    {
        if (target.Assets?.ManifestSha256 == live.Assets?.ManifestSha256 || environment.Outputs.SiteBucket is not { } site) return null;
        var outputs = await StackOutputValues.ReadAsync(clients.CloudFormation, environment.StackName, cancellationToken);
        var bucket = outputs.Find(site.OutputName, site.LogicalId) ?? throw new RollbackException(
            $"Stack {environment.StackName} has no output {site.OutputName} and no resource {site.LogicalId}, so the front end of " +
            $"release {target.Id} has nowhere to go. Fix outputs.siteBucket in project.yaml. Nothing was changed.");
        var assets = target.Assets?.Files.Select(SiteAsset.From).ToList() ?? [];
        var plan = await new FrontEndPublisher(clients.S3).PlanAsync(bucket, assets, live.Assets, cancellationToken);

        var kept = await new RollbackCopies(clients.S3, environment.ArtifactBucket).KeptSiteFilesAsync(environment.Project, cancellationToken);
        var missing = plan.ToSend.Where(a => !kept.Contains(a.Sha256Hex)).Select(a => a.Path).ToList();
        if (missing.Count > 0)
            throw new RollbackException(
                $"{missing.Count} front-end file(s) of release {target.Id} were not kept for Rollback ({string.Join(", ", missing.Take(5))}" +
                $"{(missing.Count > 5 ? ", ..." : "")}): they were changed outside Liftoff before a later release replaced them, or " +
                "the kept copies were deleted. Nothing was changed. " +
                $"Deploy that release's commit instead{(target.Git is { } git ? $" (git checkout {git.ShortCommit})" : "")}.");
        return plan;
    }

    /// <summary>Carries the plan out from the kept copies, checking <paramref name="fence"/> before each batch of changes.</summary>
    public Task<FrontEndPublishResult> ApplyAsync(
        ProjectEnvironment environment, SitePublishPlan plan, IDeploymentFence fence, CancellationToken cancellationToken) =>
        new FrontEndPublisher(clients.S3)
        {
            Fence = fence,
            Keeper = new ReplacedSiteFiles(clients.S3, environment.ArtifactBucket, environment.Project, console),
        }.ApplyAsync(plan, new KeptSiteFiles(environment.ArtifactBucket, environment.Project), cancellationToken);
}
