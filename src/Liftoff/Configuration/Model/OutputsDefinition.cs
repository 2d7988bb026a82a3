using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Liftoff.Configuration.Model;

/// <summary>The stack outputs later steps read, as written.</summary>
public sealed record OutputsDefinition
{
    [Description("The API's base URL.")]
    public OutputReferenceDefinition? ApiUrl { get; init; }

    [Description("The bucket the front end is published to.")]
    public OutputReferenceDefinition? SiteBucket { get; init; }

    [Description("The CloudFront distribution in front of the site.")]
    public OutputReferenceDefinition? DistributionId { get; init; }
}

/// <summary>
/// A stack output and the resource behind it: a stack created through a change set may have no outputs
/// (moto), so later steps fall back to the resource's physical id.
/// </summary>
public sealed record OutputReferenceDefinition
{
    [Required, RegularExpression(@"^[A-Za-z0-9]+$", ErrorMessage = "a CloudFormation output name (letters and digits)")]
    [Description("Name of the stack output.")]
    public string? Output { get; init; }

    [Required, RegularExpression(@"^[A-Za-z0-9]+$", ErrorMessage = "a CloudFormation logical id (letters and digits)")]
    [Description("Logical id of the resource to fall back to.")]
    public string? Resource { get; init; }
}
