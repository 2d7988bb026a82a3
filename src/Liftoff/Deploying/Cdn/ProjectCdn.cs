using Liftoff.Aws;
using Liftoff.Aws.CloudFront.Model;
using Liftoff.Configuration;
using Liftoff.Deploying.Stacks;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.Deploying.Cdn;

/// <summary>
/// The CloudFront distribution in front of one project's site: found from the stack (project.yaml's
/// outputs.distributionId: the output, else the resource's physical id), and invalidated for what a release changed.
/// </summary>
public sealed class ProjectCdn(AwsClients clients, IAnsiConsole console, TimeProvider? clock = null)
{
    /// <summary>Invalidates <paramref name="changedPaths"/> (site paths), collapsed over the project's limit; or says why not.</summary>
    /// <param name="siteFiles">Every file of the site now: what a wildcard would reach besides the changed paths.</param>
    public async Task<CdnOutcome> InvalidateAsync(
        ProjectEnvironment environment, IReadOnlyCollection<string> changedPaths, IEnumerable<string> siteFiles, CdnOptions options,
        CancellationToken cancellationToken)
    {
        if (changedPaths.Count == 0) return CdnOutcome.Skipped("nothing changed in the front end: no invalidation");
        var (distributionId, why) = await FindDistributionAsync(environment, cancellationToken);
        if (distributionId is null) return CdnOutcome.Skipped(why!);
        var plan = InvalidationPaths.Plan(changedPaths, siteFiles, environment.InvalidationPathLimit);
        if (plan.Collapsed)
            console.MarkupLine($"{Markup.Escape(environment.Project)}: {plan.ChangedFiles} changed path(s), over the limit of " +
                               $"{environment.InvalidationPathLimit}: {plan.Paths.Count} path(s), {plan.Wildcards} of them wildcards");
        var invalidation = await new CdnInvalidator(clients.CloudFront, console, clock)
            .InvalidateAsync(distributionId, plan, options, cancellationToken);
        return new CdnOutcome(invalidation, null);
    }

    /// <summary>The distribution's id, or null and why there is none to invalidate.</summary>
    public async Task<(string? DistributionId, string? Why)> FindDistributionAsync(ProjectEnvironment environment, CancellationToken cancellationToken)
    {
        if (environment.Outputs.DistributionId is not { } reference)
            return (null, "no CloudFront distribution: project.yaml names no outputs.distributionId");
        var outputs = await StackOutputValues.ReadAsync(clients.CloudFormation, environment.StackName, cancellationToken);
        var id = outputs.Find(reference.OutputName, reference.LogicalId);
        if (id is null && clients.Connection.IsLocal)
            return (null, $"the local AWS has no CloudFront distribution for {environment.StackName} (it does not create them from templates): skipped");
        if (id is null)
            throw new CdnException(
                $"Stack {environment.StackName} has no output {reference.OutputName} and no resource {reference.LogicalId}, so there is no " +
                "distribution to invalidate. Add the output to the template, or fix outputs.distributionId in project.yaml.");
        try
        {
            await clients.CloudFront.GetDistributionAsync(new GetDistributionRequest { Id = id }, cancellationToken);
        }
        catch (NoSuchDistributionException) when (clients.Connection.IsLocal)
        {
            return (null, $"the local AWS has no CloudFront distribution {id}: skipped");
        }
        return (id, null);
    }
}

/// <summary>The invalidation made, or why none was (nothing changed, no distribution).</summary>
public sealed record CdnOutcome(ReleaseInvalidation? Invalidation, string? Skip)
{
    public static CdnOutcome Skipped(string why) => new(null, why);
}
