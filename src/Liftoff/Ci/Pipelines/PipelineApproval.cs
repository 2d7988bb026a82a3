using Liftoff.Aws.CodePipeline;
using Liftoff.Aws.CodePipeline.Model;

namespace Liftoff.Ci.Pipelines;

/// <summary>The answer given to a pipeline's manual approval.</summary>
public sealed record ApprovalAnswer(string Stage, string Action, string Status, DateTime? At);

/// <summary>
/// Answers the manual approval a pipeline is waiting on: its token comes from the pipeline's state
/// (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GetPipelineState.html) and the answer goes with it
/// (API_PutApprovalResult.html), so the approval answered is the one that is waiting now, not an earlier one.
/// </summary>
public sealed class PipelineApproval(IAmazonCodePipeline codePipeline)
{
    /// <exception cref="InvalidOperationException">Nothing waits for an approval: the message says what the pipeline is doing.</exception>
    public async Task<ApprovalAnswer> AnswerAsync(string pipeline, bool approve, string comment, CancellationToken cancellationToken)
    {
        var state = await codePipeline.GetPipelineStateAsync(new GetPipelineStateRequest { Name = pipeline }, cancellationToken);
        var waiting = state.StageStates
            .SelectMany(s => s.ActionStates.Select(a => (Stage: s, Action: a)))
            .FirstOrDefault(x => x.Action.LatestExecution is { Token: not null } e && e.Status?.Value == "InProgress");
        if (waiting.Action is null)
            throw new InvalidOperationException(
                $"{pipeline} is waiting for no approval (stages: {string.Join(", ", state.StageStates.Select(s => $"{s.StageName} {s.LatestExecution?.Status?.Value ?? "not run"}"))}). " +
                "Start it with ./build.sh PipelineStart, and answer once it reaches the approval.");

        var status = approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        var answered = await codePipeline.PutApprovalResultAsync(new PutApprovalResultRequest
        {
            PipelineName = pipeline,
            StageName = waiting.Stage.StageName,
            ActionName = waiting.Action.ActionName,
            Result = new ApprovalResult { Status = status, Summary = comment },
            Token = waiting.Action.LatestExecution!.Token,
        }, cancellationToken);
        return new ApprovalAnswer(waiting.Stage.StageName!, waiting.Action.ActionName!, status.Value, answered.ApprovedAt);
    }
}
