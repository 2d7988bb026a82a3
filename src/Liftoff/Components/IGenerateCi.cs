using Liftoff.Ci.Workflows;
using Liftoff.Engine;
using Spectre.Console;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh GenerateCi</c>: writes .github/workflows/*.yml and buildspec.yml from the build class's CI attributes
/// ([GitHubActions], [DeployStages], [DeployPreview], [CodeBuild]) and the configuration (environments, their
/// ciRoleArn, the projects). The files are checked in; a test fails when they are stale.
/// </summary>
public interface IGenerateCi : IHazEnvironment
{
    Target GenerateCi => _ => _
        .Description("Writes the GitHub Actions workflows and buildspec.yml from the build's CI attributes")
        .Executes(async ct =>
        {
            var files = CiFiles.Generate(CiDeclarations.Of(GetType()), CiTopology.From(Configuration));
            foreach (var (path, changed) in await CiFiles.WriteAsync(RootDirectory, files, ct))
                Console.MarkupLine(changed ? $"[green]wrote[/] {Markup.Escape(path)}" : $"[grey]unchanged[/] {Markup.Escape(path)}");
        });
}
