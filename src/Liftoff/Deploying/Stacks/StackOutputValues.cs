using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;

namespace Liftoff.Deploying.Stacks;

/// <summary>
/// What later steps need from a deployed stack: its outputs, and its resources' physical ids by logical id,
/// because moto keeps no outputs for stacks made through change sets (AWS has both).
/// </summary>
public sealed record StackOutputValues(
    string StackName,
    IReadOnlyDictionary<string, string> Outputs,
    IReadOnlyDictionary<string, string> Resources)
{
    /// <summary>The output's value, else the physical id of the resource with the fallback logical id.</summary>
    public string? Find(string outputKey, string? fallbackLogicalId = null) =>
        Outputs.TryGetValue(outputKey, out var value) ? value
        : fallbackLogicalId is not null && Resources.TryGetValue(fallbackLogicalId, out var id) ? id
        : null;

    public string Require(string outputKey, string? fallbackLogicalId = null) =>
        Find(outputKey, fallbackLogicalId) ?? throw new DeployException(
            $"Stack {StackName} has no output {outputKey}" +
            (fallbackLogicalId is null ? "" : $" and no resource {fallbackLogicalId}") +
            ". Add the output to the template, or fix the name in project.yaml (outputs).");

    public static async Task<StackOutputValues> ReadAsync(
        IAmazonCloudFormation cloudFormation, string stackName, CancellationToken cancellationToken)
    {
        // Both at once: neither depends on the other, and a no-op deploy's InvalidateCdn waits for them.
        var describing = cloudFormation.DescribeStacksAsync(new DescribeStacksRequest { StackName = stackName }, cancellationToken);
        var listing = cloudFormation.DescribeStackResourcesAsync(new DescribeStackResourcesRequest { StackName = stackName }, cancellationToken);
        await Task.WhenAll(describing, listing);
        var stacks = await describing;
        var outputs = (stacks.Stacks?.FirstOrDefault()?.Outputs ?? [])
            .Where(o => o.OutputKey is not null && o.OutputValue is not null)
            .ToDictionary(o => o.OutputKey!, o => o.OutputValue!, StringComparer.Ordinal);
        var resources = await listing;
        var physical = (resources.StackResources ?? [])
            .Where(r => r.LogicalResourceId is not null && !string.IsNullOrEmpty(r.PhysicalResourceId))
            .ToDictionary(r => r.LogicalResourceId!, r => r.PhysicalResourceId!, StringComparer.Ordinal);
        return new(stackName, outputs, physical);
    }
}
