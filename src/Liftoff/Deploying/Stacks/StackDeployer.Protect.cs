using Amazon.Runtime;
using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;
using Spectre.Console;

namespace Liftoff.Deploying.Stacks;

public sealed partial class StackDeployer
{
    private async Task EnsureTerminationProtectionAsync(StackDeployment deployment, CancellationToken cancellationToken)
    {
        if (!deployment.TerminationProtection) return;
        var stack = await FindStackAsync(deployment.StackName, cancellationToken);
        if (stack is null || stack.EnableTerminationProtection == true) return;
        try
        {
            await cloudFormation.UpdateTerminationProtectionAsync(
                new UpdateTerminationProtectionRequest { StackName = deployment.StackName, EnableTerminationProtection = true }, cancellationToken);
            console.MarkupLine($"{Markup.Escape(deployment.StackName)}: termination protection turned on");
        }
        catch (AmazonServiceException e) when ((int)e.StatusCode >= 500)
        {
            // AWS supports it; moto 5.2 answers 500 (not implemented). Say so rather than fail a local deploy.
            console.MarkupLine($"[yellow]{Markup.Escape(deployment.StackName)}: could not turn termination protection on ({Markup.Escape(e.Message)}).[/]");
        }
    }
}
