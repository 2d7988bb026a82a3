using Liftoff.Configuration;
using Liftoff.Engine;
using Spectre.Console;

namespace Liftoff.Components;

/// <summary>
/// The environment and projects a build acts on, and the checked configuration behind them
/// (environments.yaml and projects/*/project.yaml), loaded once per build. A Liftoff build runs among AWS credentials
/// and registry tokens: their values are masked in all output wherever they are set.
/// </summary>
[SecretVariables("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "NPM_TOKEN", "NODE_AUTH_TOKEN")]
public interface IHazEnvironment : ILiftoffBuild
{
    /// <summary>Checked against environments.yaml before anything runs: `--env qa` or `--env LOCAL` exits 2 naming the valid ones.</summary>
    [Parameter("Environment: dev, staging, prod or local", ValueProviderMember = nameof(EnvironmentNames))]
    string? Env => TryGetValue(() => Env);

    /// <summary>Checked against projects/ before anything runs; given with no value it is a usage error, never "all".</summary>
    [Parameter("Projects to act on (default: all)", ValueProviderMember = nameof(ProjectNames))]
    string[]? Project => TryGetValue(() => Project);

    /// <summary>The environments of environments.yaml, in its order.</summary>
    IReadOnlyList<string> EnvironmentNames => Configuration.EnvironmentNames;

    /// <summary>The projects under projects/, sorted by name.</summary>
    IReadOnlyList<string> ProjectNames => Configuration.ProjectNames;

    /// <summary>
    /// Throws ConfigurationException with every error of the selected projects, at file:line:column, before
    /// anything touches AWS; prints the warnings (other projects' errors among them) once. The variables stack
    /// parameters are read from are secrets from here on, whichever target runs.
    /// </summary>
    LiftoffConfiguration Configuration => Cached(() =>
    {
        // Reading a few small files: blocking here keeps the property usable from any target body.
        var configuration = ConfigurationLoader.LoadAsync(RootDirectory, new ConfigurationOptions { Projects = Project }, CancellationToken.None)
            .GetAwaiter().GetResult();
        foreach (var warning in configuration.Warnings)
            Console.MarkupLine($"[yellow]warning: {Markup.Escape(warning.ToString())}[/]");
        foreach (var variable in configuration.StackSecretVariables) Secrets.Add(EnvironmentInfo.GetVariable(variable));
        return configuration;
    });

    /// <summary>The selected projects resolved for --env; an absent or unknown --env lists the valid ones.</summary>
    IReadOnlyList<ProjectEnvironment> ProjectEnvironments => Cached(() => Configuration.Resolve(Env ?? "", Project));

    /// <summary>
    /// <see cref="ProjectEnvironments"/> with the stack parameters read from environment variables (<c>{ fromEnv: NAME }</c>),
    /// each value masked; an unset variable throws ConfigurationException at the line that reads it.
    /// </summary>
    IReadOnlyList<ProjectEnvironment> DeployEnvironments => Cached(() =>
        StackSecrets.Apply(ProjectEnvironments, EnvironmentInfo.Variables, Secrets.Add));

    /// <summary>A repository without environments.yaml (a library of components only) has no projects to build, package or test.</summary>
    bool HasProjects => File.Exists(Path.Combine(RootDirectory, ConfigurationLoader.EnvironmentsFileName));

    /// <summary>The selected projects' builds, the same for every environment (Compile and Test need no --env).</summary>
    IReadOnlyList<ProjectBuild> ProjectBuilds => Cached(() => Configuration.Builds(Project));
}
