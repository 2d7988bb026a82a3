using System.Text.Json;
using Liftoff.Aws.CodePipeline;
using Liftoff.Aws.CodePipeline.Model;

namespace Liftoff.Ci.Pipelines;

public enum PipelineSyncOutcome { Created, Updated, Unchanged }

/// <summary>What PipelineSync did to a pipeline, and its version afterwards.</summary>
public sealed record PipelineSyncResult(string Name, PipelineSyncOutcome Outcome, int? Version);

/// <summary>
/// Makes an environment's pipeline what the configuration says: created when missing, updated when its structure
/// differs (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_UpdatePipeline.html), left alone when it
/// is the same, so a second sync does not bump the version.
/// </summary>
public sealed class PipelineSync(IAmazonCodePipeline codePipeline)
{
    public async Task<PipelineSyncResult> SyncAsync(PipelineDeclaration desired, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        PipelineDeclaration? existing;
        try
        {
            existing = (await codePipeline.GetPipelineAsync(new GetPipelineRequest { Name = desired.Name }, cancellationToken)).Pipeline;
        }
        catch (PipelineNotFoundException)
        {
            existing = null;
        }

        if (existing is null)
        {
            var created = await codePipeline.CreatePipelineAsync(new CreatePipelineRequest
            {
                Pipeline = desired,
                Tags = tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
            }, cancellationToken);
            return new PipelineSyncResult(desired.Name!, PipelineSyncOutcome.Created, created.Pipeline?.Version ?? 1);
        }
        if (Fingerprint(existing) == Fingerprint(desired))
            return new PipelineSyncResult(desired.Name!, PipelineSyncOutcome.Unchanged, existing.Version);

        // What the configuration does not decide stays as it is: the pipeline's type and execution mode.
        desired.Version = existing.Version;
        desired.PipelineType = existing.PipelineType;
        desired.ExecutionMode = existing.ExecutionMode;
        var updated = await codePipeline.UpdatePipelineAsync(new UpdatePipelineRequest { Pipeline = desired }, cancellationToken);
        return new PipelineSyncResult(desired.Name!, PipelineSyncOutcome.Updated, updated.Pipeline?.Version);
    }

    /// <summary>The parts of a pipeline the configuration decides, with AWS's defaults (runOrder 1) filled in.</summary>
    public static string Fingerprint(PipelineDeclaration pipeline) => JsonSerializer.Serialize(new
    {
        pipeline.RoleArn,
        Store = new { Type = pipeline.ArtifactStore?.Type?.ToString(), pipeline.ArtifactStore?.Location },
        Stages = pipeline.Stages.Select(stage => new
        {
            stage.Name,
            Actions = stage.Actions.Select(action => new
            {
                action.Name,
                Category = action.ActionTypeId?.Category?.ToString(),
                Owner = action.ActionTypeId?.Owner?.ToString(),
                action.ActionTypeId?.Provider,
                action.ActionTypeId?.Version,
                RunOrder = action.RunOrder ?? 1,
                Configuration = action.Configuration.OrderBy(c => c.Key, StringComparer.Ordinal).ToList(),
                Inputs = action.InputArtifacts.Select(a => a.Name),
                Outputs = action.OutputArtifacts.Select(a => a.Name),
            }),
        }),
    });
}
