using Liftoff.Configuration;

namespace Liftoff.Building;

/// <summary>Runs a project's front-end build command and checks it wrote the output folder.</summary>
public sealed class FrontEndBuilder(ToolRunner tools)
{
    /// <returns>How many files the build wrote.</returns>
    public async Task<int> BuildAsync(string project, FrontEnd frontEnd, CancellationToken cancellationToken)
    {
        await tools.RunShellAsync(project, frontEnd.SourceDirectory, frontEnd.BuildCommand, cancellationToken);
        var files = Directory.Exists(frontEnd.OutputDirectory)
            ? Directory.GetFiles(frontEnd.OutputDirectory, "*", SearchOption.AllDirectories).Length
            : 0;
        if (files == 0)
            throw new BuildStepException(
                $"[{project}] the front-end build `{frontEnd.BuildCommand}` succeeded but wrote nothing to {frontEnd.OutputDirectory}; " +
                "make it write there, or change frontEnd.output in project.yaml.");
        tools.Report(project, $"front end: {files} files in {Path.GetFileName(frontEnd.OutputDirectory)}");
        return files;
    }
}
