using Liftoff.Configuration;
using Liftoff.Engine;
using Spectre.Console;

namespace Liftoff.Components;

/// <summary>
/// The environment and projects a build acts on, and the checked configuration behind them
/// (environments.yaml and projects/*/project.yaml), loaded once per build.
/// </summary>
public interface IHazEnvironment : ILiftoffBuild
{
    [Parameter("Environment: dev, staging, prod or local")]
    string? Env => TryGetValue(() => Env);

    [Parameter("Projects to act on (default: all)")]
    string[]? Project => TryGetValue(() => Project);

    /// <summary>
    /// Throws ConfigurationException with every error of the selected projects, at file:line:column, before
    /// anything touches AWS; prints the warnings (other projects' errors among them) once.
    /// </summary>
    LiftoffConfiguration Configuration => Cached(() =>
    {
        // Reading a few small files: blocking here keeps the property usable from any target body.
        var configuration = ConfigurationLoader.LoadAsync(RootDirectory, new ConfigurationOptions { Projects = Project }, CancellationToken.None)
            .GetAwaiter().GetResult();
        foreach (var warning in configuration.Warnings)
            Console.MarkupLine($"[yellow]warning: {Markup.Escape(warning.ToString())}[/]");
        return configuration;
    });

    /// <summary>The selected projects resolved for --env; an absent or unknown --env lists the valid ones.</summary>
    IReadOnlyList<ProjectEnvironment> ProjectEnvironments => Cached(() => Configuration.Resolve(Env ?? "", Project));

    /// <summary>A repository without environments.yaml (a library of components only) has no projects to build, package or test.</summary>
    bool HasProjects => File.Exists(Path.Combine(RootDirectory, ConfigurationLoader.EnvironmentsFileName));

    /// <summary>The selected projects' builds, the same for every environment (Compile and Test need no --env).</summary>
    IReadOnlyList<ProjectBuild> ProjectBuilds => Cached(() => Configuration.Builds(Project));
}
