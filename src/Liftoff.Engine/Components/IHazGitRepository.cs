using Liftoff.Engine.Git;

namespace Liftoff.Engine.Components;

/// <summary>NUKE's component for the build's git checkout.</summary>
public interface IHazGitRepository : ILiftoffBuild
{
    [Required]
    [GitRepository]
    GitRepository GitRepository => TryGetValue(() => GitRepository)!;
}
