using Amazon.Runtime;

namespace Liftoff.Aws.CloudFront.Model;

// CloudFront's enumerations as the official SDK shapes them (ConstantClass: compare with ==, convert from string).

public sealed class PriceClass(string value) : ConstantClass(value)
{
    public static readonly PriceClass PriceClass_100 = new("PriceClass_100");
    public static readonly PriceClass PriceClass_200 = new("PriceClass_200");
    public static readonly PriceClass PriceClass_All = new("PriceClass_All");
    public static readonly PriceClass None = new("None");
    public static PriceClass FindValue(string value) => FindValue<PriceClass>(value);
    public static implicit operator PriceClass(string value) => FindValue(value);
}
