using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.Requests;

namespace Liftoff.Deploying.Stacks;

public sealed partial class StackDeployer
{
    /// <summary>Deletes the stack and follows its events until it is gone; a stack that cannot be deleted stops the deploy.</summary>
    private async Task DeleteAndWaitAsync(Stack stack, CancellationToken cancellationToken)
    {
        var id = stack.StackId ?? stack.StackName!;
        await cloudFormation.DeleteStackAsync(new DeleteStackRequest { StackName = id }, cancellationToken);
        var events = new StackEventStream(cloudFormation, id);
        await events.SkipExistingAsync(cancellationToken);
        var backoff = PollingBackoff.ForStackEvents(_time);
        while (true)
        {
            foreach (var e in await events.ReadNewAsync(cancellationToken)) ChangeTable.WriteEvent(console, stack.StackName ?? id, e);
            // By name a deleted stack "does not exist"; by id AWS still shows DELETE_COMPLETE.
            var now = await FindStackAsync(id, cancellationToken);
            if (now is null) return;
            var status = Status(now);
            if (status == "DELETE_FAILED")
                throw new DeployException(
                    $"Stack {stack.StackName} could not be deleted ({status}{Reason(now)}), so it cannot be created again. " +
                    "Delete it by hand (aws cloudformation delete-stack) and deploy again.");
            await backoff.WaitAsync(cancellationToken);
        }
    }
}
