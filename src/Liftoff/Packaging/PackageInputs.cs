using Liftoff.Configuration;

namespace Liftoff.Packaging;

/// <summary>What Package makes for the selected projects: one artifact per function, one asset manifest per front end.</summary>
public sealed record PackageInputs(IReadOnlyList<ArtifactRequest> Artifacts, IReadOnlyList<(string Project, string OutputDirectory)> FrontEnds)
{
    /// <summary>
    /// Reads the selected projects as resolved for the first environment: everything packaging uses
    /// (runtime, handler, staging folder, include, exclude, front-end output) is a build input, the same
    /// in every environment, so Package needs no --env and one artifact serves them all. The handler check
    /// runs under that first environment's function name, region, memory and variables.
    /// </summary>
    public static PackageInputs From(LiftoffConfiguration configuration, IReadOnlyList<string>? projects)
    {
        if (configuration.EnvironmentNames.Count == 0) return new PackageInputs([], []);
        var resolved = configuration.Resolve(configuration.EnvironmentNames[0], projects);
        var artifacts = resolved.SelectMany(p => p.Layers.Select(l =>
                new ArtifactRequest(p.Project, l.Name, ArtifactRequest.LayerRuntime, "", l.StagingDirectory, ["**/*"], [])
                {
                    ProjectDirectory = p.ProjectDirectory,
                    RepositoryDirectory = configuration.RootDirectory,
                })
            .Concat(p.Functions.Select(f =>
                new ArtifactRequest(p.Project, f.Name, f.Runtime, f.Handler, f.StagingDirectory, f.Include, f.Exclude)
                {
                    ProjectDirectory = p.ProjectDirectory,
                    SourceDirectory = f.SourceDirectory,
                    RepositoryDirectory = configuration.RootDirectory,
                    LayerDirectories = f.Layers.Select(name => p.Layers.Single(l => l.Name == name).StagingDirectory).ToList(),
                    // A function AWS names is called {stack}-{logical id}-{suffix}; Lambda's memory default is 128 MB.
                    Environment = new LambdaEnvironment(f.FunctionName ?? $"{p.StackName}-{f.LogicalId}", p.Region, f.Runtime, f.Handler,
                        f.MemorySize ?? 128, f.VariablesForHandlerCheck),
                })))
            .ToList();
        var frontEnds = resolved.Where(p => p.FrontEnd is not null).Select(p => (p.Project, p.FrontEnd!.OutputDirectory)).ToList();
        return new PackageInputs(artifacts, frontEnds);
    }
}
