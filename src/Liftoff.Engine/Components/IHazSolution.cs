using Liftoff.Engine.ProjectModel;

namespace Liftoff.Engine.Components;

/// <summary>NUKE's component for the build's solution (parameters.json's "Solution", or --solution).</summary>
public interface IHazSolution : ILiftoffBuild
{
    [Required]
    [Solution]
    Solution Solution => TryGetValue(() => Solution)!;
}
