namespace Liftoff.Configuration;

/// <summary>The stack outputs later steps read (project.yaml outputs), each with the resource to fall back on.</summary>
public sealed record StackOutputs(
    StackOutputReference? ApiUrl,
    StackOutputReference? SiteBucket,
    StackOutputReference? DistributionId);
