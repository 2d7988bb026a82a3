using Spectre.Console;

namespace Liftoff.Deploying.Stacks;

public sealed partial class StackDeployer
{
    /// <summary>
    /// Ends a stack's part of a deploy that needs no change set (see <c>Live.UnchangedStack</c>): says why, and, outside
    /// a dry run, still ensures termination protection, as an empty change set's end does.
    /// </summary>
    public async Task<StackDeployResult> LeaveUnchangedAsync(StackDeployment deployment, string why, bool dryRun, CancellationToken cancellationToken)
    {
        console.MarkupLine($"[green]{Markup.Escape(deployment.StackName)}: unchanged, no change set made[/] [grey]({Markup.Escape(why)})[/]");
        if (!dryRun) await EnsureTerminationProtectionAsync(deployment, cancellationToken);
        return new(deployment.StackName, StackDeployOutcome.Unchanged, [], null, null);
    }
}
