namespace Liftoff.Engine.ProjectModel;

/// <summary>
/// Injects the solution: <c>[Solution] readonly Solution Solution;</c> reads the path from the parameter of the member's
/// name (<c>--solution</c>, or <c>"Solution"</c> in .nuke/parameters.json as NUKE's setup writes it);
/// <c>[Solution("src/App.slnx")]</c> names it instead. Paths are relative to the root.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SolutionAttribute(string? relativePath = null) : Attribute
{
    public string? RelativePath { get; } = relativePath;

    /// <summary>NUKE generates typed project accessors from this; accepted and without effect here (no source generator).</summary>
    public bool GenerateProjects { get; set; }

    public bool SuppressBuildProjectCheck { get; set; }
}
