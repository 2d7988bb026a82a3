namespace Liftoff.Engine.Execution;

// NUKE attributes that a build carries over but that change nothing here; README "Coming from NUKE" says why.

/// <summary>NUKE clears Visual Studio's variables so MSBuild picks the SDK's; Liftoff always calls the dotnet CLI, which does not read them.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UnsetVisualStudioEnvironmentVariablesAttribute : Attribute;

/// <summary>NUKE 5 and 6 checked the build project's configuration mappings in the solution; Liftoff's build project is never in the built solution's configurations.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CheckBuildProjectConfigurationsAttribute : Attribute
{
    public int TimeoutInMilliseconds { get; set; }
}
