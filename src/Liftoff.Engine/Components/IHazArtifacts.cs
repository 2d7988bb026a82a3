using Liftoff.Engine.IO;

namespace Liftoff.Engine.Components;

/// <summary>NUKE's component for where a build puts what it produces: output/ under the root.</summary>
public interface IHazArtifacts : ILiftoffBuild
{
    AbsolutePath ArtifactsDirectory => RootDirectory / "output";
}
