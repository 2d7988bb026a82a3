using Amazon.Runtime;
using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;

namespace Liftoff.Deploying.Stacks;

public sealed partial class StackDeployer
{
    /// <summary>The stack, or null when there is none of that name (CloudFormation answers ValidationError).</summary>
    public async Task<Stack?> FindStackAsync(string stackName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await cloudFormation.DescribeStacksAsync(new DescribeStacksRequest { StackName = stackName }, cancellationToken);
            var stack = response.Stacks?.FirstOrDefault();
            return stack is null || Status(stack) == "DELETE_COMPLETE" ? null : stack;
        }
        catch (AmazonServiceException e) when (e.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
    }

    private static string Reason(Stack stack) =>
        string.IsNullOrEmpty(stack.StackStatusReason) ? "" : $": {stack.StackStatusReason}";
}
