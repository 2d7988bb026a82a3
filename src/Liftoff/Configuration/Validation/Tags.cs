using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration.Validation;

/// <summary>A template node's short-form tag (!Ref, !Sub, !GetAtt…), or "" for none: YamlDotNet throws reading a non-specific one.</summary>
internal static class Tags
{
    public static string Of(YamlNode node) => node.Tag.IsEmpty || node.Tag.IsNonSpecific ? "" : node.Tag.Value;
}
