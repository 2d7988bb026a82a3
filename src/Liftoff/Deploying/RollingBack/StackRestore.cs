using Amazon.Runtime;
using Liftoff.Aws;
using Liftoff.Aws.Storage;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Configuration;
using Liftoff.Deploying.Stacks;
using Liftoff.Releases;
using Liftoff.Uploading;

namespace Liftoff.Deploying.RollingBack;

/// <summary>The change set that puts a release's template and parameters back, and what the rollback's record keeps of them.</summary>
internal sealed record StackRestorePlan(ChangeSetPlan ChangeSet, IReadOnlyDictionary<string, string> RecordedParameters, IReadOnlyList<string> Notes);

/// <summary>
/// Restores a stack to a release's template and parameters, only when they differ from the live release's. The
/// template comes back from the copy Deploy kept by hash (the template as CloudFormation got it); parameters the ledger keeps only as a NoEcho fingerprint
/// are sent as UsePreviousValue, never as the mask, so the stack keeps the secret it has now.
/// </summary>
internal sealed class StackRestore(AwsClients clients, StackDeployer stacks)
{
    /// <summary>The change set, created and described (not executed); null when the stack is already as recorded.</summary>
    public async Task<StackRestorePlan?> PlanAsync(ProjectEnvironment environment, Release live, Release target, CancellationToken cancellationToken)
    {
        if (target.TemplateSha256 == live.TemplateSha256 && SameParameters(live, target)) return null;
        var body = await RecoverTemplateAsync(environment, target, cancellationToken);
        var keep = target.StackParameters.Where(p => RecordedParameters.IsMasked(p.Value)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var template = new StackTemplate(body);
        if (!template.FitsInline)
            template = template with
            {
                Url = (await new TemplateUploader(clients.S3, environment.ArtifactBucket, environment.Region, environment.EndpointUrl)
                    .PrepareAsync(environment.Project, body, cancellationToken)).Url,
            };
        var deployment = new StackDeployment(
            environment.StackName, environment.Environment, template,
            target.StackParameters.Where(p => !keep.Contains(p.Key)).ToDictionary(StringComparer.Ordinal), environment.Tags)
        {
            RequiresApproval = environment.RequiresApproval,
            TerminationProtection = environment.TerminationProtection,
            KeepPreviousValues = keep,
        };
        var changed = keep.Where(k => live.StackParameters.GetValueOrDefault(k) != target.StackParameters[k]).Order(StringComparer.Ordinal).ToList();
        var notes = changed.Select(k =>
            $"NoEcho parameter {k} changed since release {target.Id}; it keeps its current value (the ledger keeps only a fingerprint).").ToList();
        // What the stack holds afterwards: the kept secrets are the live ones.
        var recorded = target.StackParameters.ToDictionary(
            p => p.Key, p => keep.Contains(p.Key) && live.StackParameters.TryGetValue(p.Key, out var now) ? now : p.Value, StringComparer.Ordinal);
        return new StackRestorePlan(await stacks.PlanAsync(deployment, cancellationToken), recorded, notes);
    }

    private static bool SameParameters(Release a, Release b) =>
        a.StackParameters.Count == b.StackParameters.Count
        && a.StackParameters.All(p => b.StackParameters.TryGetValue(p.Key, out var value) && value == p.Value);

    /// <summary>
    /// The release's template text: the copy Deploy kept by hash; else the copy of a large template under templates/
    /// (expires after 30 days); else the live stack's own, when only parameters differ. Records from before templates
    /// were kept may have none of these: then the stack cannot be restored, and nothing is changed.
    /// </summary>
    private async Task<string> RecoverTemplateAsync(ProjectEnvironment environment, Release target, CancellationToken cancellationToken)
    {
        if (target.TemplateSha256 is { } sha)
        {
            var copies = new RollbackCopies(clients.S3, environment.ArtifactBucket);
            foreach (var read in new Func<Task<string?>>[]
                     {
                         () => copies.ReadTemplateAsync(environment.Project, sha, cancellationToken),
                         () => clients.S3.ReadTextOrNullAsync(environment.ArtifactBucket, TemplateUploader.KeyFor(environment.Project, sha), cancellationToken),
                         () => LiveTemplateAsync(environment.StackName, cancellationToken),
                     })
                if (await read() is { } body && new StackTemplate(body).Sha256Hex == sha)
                    return body;
        }
        var commit = target.Git is { } git ? $"git checkout {git.ShortCommit}, then " : "";
        throw new RollbackException(
            $"The template of release {target.Id} (sha256 {target.TemplateSha256 ?? "not recorded"}) was not kept: the release was " +
            "recorded before Deploy kept templates for Rollback, and no other copy has that hash. Its stack cannot be restored, so " +
            $"nothing was changed. Deploy that release's commit instead: {commit}./build.sh Deploy --env {environment.Environment} " +
            $"--project {environment.Project}.");
    }

    private async Task<string?> LiveTemplateAsync(string stackName, CancellationToken cancellationToken)
    {
        try
        {
            return (await clients.CloudFormation.GetTemplateAsync(new GetTemplateRequest { StackName = stackName }, cancellationToken)).TemplateBody;
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "ValidationError")
        {
            return null; // the stack does not exist (any more)
        }
    }
}
