using Liftoff.Aws.CodePipeline;
using Liftoff.Aws.CodePipeline.Model;
using Spectre.Console;

namespace Liftoff.Ci.Pipelines;

/// <summary>A pipeline execution that did not succeed; the message names the actions that failed and why.</summary>
public sealed class PipelineFailedException(string message) : Exception(message);

/// <summary>
/// Starts a pipeline (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StartPipelineExecution.html) and
/// follows that execution stage by stage (API_GetPipelineState.html, API_GetPipelineExecution.html), printing each
/// action's state as it changes, until the execution ends. Returns when it succeeded; throws when it did not.
/// </summary>
public sealed class PipelineRun(IAmazonCodePipeline codePipeline, IAnsiConsole console, TimeSpan pollInterval, TimeProvider? time = null)
{
    private static readonly string[] Ended = ["Succeeded", "Failed", "Stopped", "Cancelled", "Superseded"];

    public async Task<string> StartAndFollowAsync(string pipeline, string environment, CancellationToken cancellationToken)
    {
        var id = (await codePipeline.StartPipelineExecutionAsync(new StartPipelineExecutionRequest
        {
            Name = pipeline,
            // A retried start must not start a second execution.
            ClientRequestToken = Guid.NewGuid().ToString(),
        }, cancellationToken)).PipelineExecutionId!;
        console.MarkupLine($"Started [bold]{Markup.Escape(pipeline)}[/]: execution {Markup.Escape(id)}");

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var state = await codePipeline.GetPipelineStateAsync(new GetPipelineStateRequest { Name = pipeline }, cancellationToken);
            foreach (var stage in state.StageStates.Where(s => s.LatestExecution?.PipelineExecutionId == id))
            foreach (var action in stage.ActionStates.Where(a => a.LatestExecution?.Status is not null))
                Report(stage, action, seen, environment);

            var execution = (await codePipeline.GetPipelineExecutionAsync(
                new GetPipelineExecutionRequest { PipelineName = pipeline, PipelineExecutionId = id }, cancellationToken)).PipelineExecution!;
            var status = execution.Status?.Value ?? "";
            if (Ended.Contains(status))
            {
                if (status == "Succeeded")
                {
                    console.MarkupLine($"[green]{Markup.Escape(pipeline)}: Succeeded[/]");
                    return id;
                }
                throw new PipelineFailedException($"{pipeline}: execution {id} {status}" +
                    (execution.StatusSummary is { Length: > 0 } summary ? $" ({summary})" : "") + Failures(state, id));
            }
            await Task.Delay(pollInterval, time ?? TimeProvider.System, cancellationToken);
        }
    }

    private void Report(StageState stage, ActionState action, Dictionary<string, string> seen, string environment)
    {
        var latest = action.LatestExecution!;
        var key = $"{stage.StageName}/{action.ActionName}";
        var status = latest.Status!.Value;
        if (seen.TryGetValue(key, out var before) && before == status) return;
        seen[key] = status;
        var color = status switch { "Succeeded" => "green", "Failed" or "Abandoned" => "red", _ => "yellow" };
        var detail = latest.ErrorDetails?.Message ?? latest.Summary;
        console.MarkupLine($"  {Markup.Escape(key)}: [{color}]{Markup.Escape(status)}[/]" +
                           (detail is null ? "" : $" [grey]{Markup.Escape(detail)}[/]") +
                           (latest.ExternalExecutionUrl is null ? "" : $" [grey]{Markup.Escape(latest.ExternalExecutionUrl)}[/]"));
        if (status == "InProgress" && latest.Token is not null)
            console.MarkupLine($"  [yellow]waiting for approval:[/] ./build.sh PipelineApprove --env {Markup.Escape(environment)} --approve (or --reject) --comment \"...\"");
    }

    private static string Failures(GetPipelineStateResponse state, string id)
    {
        var failed = state.StageStates.Where(s => s.LatestExecution?.PipelineExecutionId == id)
            .SelectMany(s => s.ActionStates.Where(a => a.LatestExecution?.Status?.Value is "Failed" or "Abandoned")
                .Select(a => $"{s.StageName}/{a.ActionName}: {a.LatestExecution!.ErrorDetails?.Message ?? a.LatestExecution.Summary ?? a.LatestExecution.Status!.Value}"))
            .ToList();
        return failed.Count == 0 ? "" : ". " + string.Join("; ", failed);
    }
}
