using Liftoff.Ci.Pipelines;
using Liftoff.Engine;
using Spectre.Console;

namespace Liftoff.Components;

/// <summary>
/// The environment's CodePipeline (environments.yaml, pipeline): <c>PipelineSync --env E</c> creates or updates its
/// definition, <c>PipelineStart --env E</c> runs it and follows it to its end, <c>PipelineApprove --env E --approve|--reject
/// --comment "…"</c> answers its manual approval.
/// </summary>
public interface IPipeline : IHazAws, ILocalAws, IHazApproval
{
    [Parameter("PipelineApprove: reject the pending approval")]
    bool Reject => TryGetValue(() => Reject);

    [Parameter("PipelineApprove: the reason given with the answer")]
    string? Comment => TryGetValue(() => Comment);

    /// <summary>PipelineApprove's requirement, named for its message: exactly one of --approve and --reject.</summary>
    bool ExactlyOneOfApproveOrReject => Approve != Reject;

    Target PipelineSync => _ => _
        .Description("Creates or updates --env's CodePipeline from the configuration")
        .DependsOn<ILocalAws>(x => x.LocalAws)
        .Requires(() => Env)
        .Executes(async ct =>
        {
            var environment = ProjectEnvironments[0];
            var desired = PipelineDefinitionBuilder.Build(environment);
            var result = await new PipelineSync(AwsClientsFor(environment).CodePipeline)
                .SyncAsync(desired, new Dictionary<string, string> { ["liftoff:environment"] = environment.Environment }, ct);
            var table = new Table().Title($"[bold]{Markup.Escape(result.Name)}[/] ({result.Outcome.ToString().ToLowerInvariant()}, version {result.Version})")
                .AddColumns("Stage", "Action", "Runs");
            foreach (var stage in desired.Stages)
            foreach (var action in stage.Actions)
                table.AddRow(Markup.Escape(stage.Name!), Markup.Escape(action.Name!), Markup.Escape(PipelineDescription.Of(action)));
            Console.Write(table);
        });

    Target PipelineStart => _ => _
        .Description("Starts --env's CodePipeline and follows it stage by stage; fails when the pipeline does")
        .DependsOn<ILocalAws>(x => x.LocalAws)
        .Requires(() => Env)
        .Executes(async ct =>
        {
            var environment = ProjectEnvironments[0];
            await new PipelineRun(AwsClientsFor(environment).CodePipeline, Console, TimeSpan.FromSeconds(10))
                .StartAndFollowAsync(PipelineOf(environment).Name, environment.Environment, ct);
        });

    Target PipelineApprove => _ => _
        .Description("Answers --env's pending manual approval: --approve or --reject, with --comment")
        .DependsOn<ILocalAws>(x => x.LocalAws)
        .Requires(() => Env)
        .Requires(() => ExactlyOneOfApproveOrReject)
        .Executes(async ct =>
        {
            var environment = ProjectEnvironments[0];
            var answer = await new PipelineApproval(AwsClientsFor(environment).CodePipeline).AnswerAsync(
                PipelineOf(environment).Name, Approve, Comment ?? $"{(Approve ? "Approved" : "Rejected")} with ./build.sh PipelineApprove by {Host.Actor ?? Environment.UserName}", ct);
            Console.MarkupLine($"{Markup.Escape(answer.Stage)}/{Markup.Escape(answer.Action)}: [bold]{Markup.Escape(answer.Status)}[/]");
        });

    private static Configuration.PipelineSettings PipelineOf(Configuration.ProjectEnvironment environment) =>
        environment.Pipeline ?? throw new InvalidOperationException(
            $"environments.yaml: '{environment.Environment}' has no pipeline; add environments.{environment.Environment}.pipeline and run ./build.sh PipelineSync --env {environment.Environment}.");
}
