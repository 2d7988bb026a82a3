using System.Text.RegularExpressions;

namespace Liftoff.Engine.Tests.Porting;

/// <summary>README's porting rule, and nothing more: NUKE's namespaces and base names become Liftoff's.</summary>
public static partial class PortingRule
{
    public static string Apply(string nukeSource)
    {
        var text = NukeComponents().Replace(nukeSource, "Liftoff.Engine.Components");
        text = NukeCommon().Replace(text, "Liftoff.Engine");
        text = INukeBuild().Replace(text, "ILiftoffBuild");
        return NukeBuild().Replace(text, "LiftoffBuild");
    }

    [GeneratedRegex(@"\bNuke\.Components\b")]
    private static partial Regex NukeComponents();

    [GeneratedRegex(@"\bNuke\.Common\b")]
    private static partial Regex NukeCommon();

    [GeneratedRegex(@"\bINukeBuild\b")]
    private static partial Regex INukeBuild();

    [GeneratedRegex(@"\bNukeBuild\b")]
    private static partial Regex NukeBuild();
}
