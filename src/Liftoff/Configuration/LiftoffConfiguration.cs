using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration;

/// <summary>The loaded, checked configuration: every project resolved for every environment.</summary>
public sealed class LiftoffConfiguration
{
    private readonly IReadOnlyList<ProjectEnvironment> _projectEnvironments;
    private readonly IReadOnlyList<ProjectBuild> _builds;

    internal LiftoffConfiguration(
        string rootDirectory, IReadOnlyList<string> environments,
        IReadOnlyList<ProjectEnvironment> projectEnvironments, IReadOnlyList<ProjectBuild> builds,
        IReadOnlyList<ConfigurationError> warnings)
    {
        Warnings = warnings;
        RootDirectory = rootDirectory;
        EnvironmentNames = environments;
        ProjectNames = builds.Select(b => b.Project).ToList();
        _projectEnvironments = projectEnvironments;
        _builds = builds;
    }

    public string RootDirectory { get; }
    /// <summary>In the order environments.yaml lists them.</summary>
    public IReadOnlyList<string> EnvironmentNames { get; }
    /// <summary>Sorted by name.</summary>
    public IReadOnlyList<string> ProjectNames { get; }

    /// <summary>
    /// What should be fixed but does not stop the build, at file:line:column: a deprecated runtime, a
    /// template that invites trouble, another project's errors when --project selected others.
    /// </summary>
    public IReadOnlyList<ConfigurationError> Warnings { get; }

    /// <summary>The environment variables any project reads a stack parameter from, in any environment: their values are secrets.</summary>
    public IEnumerable<string> StackSecretVariables => StackSecrets.Variables(_projectEnvironments);

    /// <summary>The selected projects (all when null or empty) in one environment.</summary>
    /// <exception cref="ConfigurationException">The environment or a project is unknown; lists the valid names.</exception>
    public IReadOnlyList<ProjectEnvironment> Resolve(string env, IReadOnlyList<string>? projects)
    {
        var errors = new List<ConfigurationError>();
        if (string.IsNullOrWhiteSpace(env))
            errors.Add(new ConfigurationError(ConfigurationLoader.EnvironmentsFileName, 0, 0,
                $"no environment chosen; pass --env with one of: {string.Join(", ", EnvironmentNames)}"));
        else if (!EnvironmentNames.Contains(env))
            errors.Add(new ConfigurationError(ConfigurationLoader.EnvironmentsFileName, 0, 0,
                $"unknown environment '{env}' (--env); {Valid(env, EnvironmentNames, "environments")}"));
        var selected = Select(projects, errors);
        if (errors.Count > 0) throw new ConfigurationException(errors);
        return selected.Select(p => _projectEnvironments.Single(pe => pe.Project == p && pe.Environment == env)).ToList();
    }

    /// <summary>What Compile and the project tests need of the selected projects (all when null or empty).</summary>
    public IReadOnlyList<ProjectBuild> Builds(IReadOnlyList<string>? projects)
    {
        var errors = new List<ConfigurationError>();
        var selected = Select(projects, errors);
        if (errors.Count > 0) throw new ConfigurationException(errors);
        return selected.Select(p => _builds.Single(b => b.Project == p)).ToList();
    }

    private List<string> Select(IReadOnlyList<string>? projects, List<ConfigurationError> errors)
    {
        if (projects is null || projects.Count == 0) return ProjectNames.ToList();
        // --project accepts "a,b" as well as repeated values.
        var wanted = ConfigurationOptions.Selected(projects);
        foreach (var unknown in wanted.Where(p => !ProjectNames.Contains(p)))
            errors.Add(new ConfigurationError(ConfigurationLoader.ProjectsFolder + "/", 0, 0,
                $"unknown project '{unknown}' (--project); {Valid(unknown, ProjectNames, "projects")}"));
        return ProjectNames.Where(wanted.Contains).ToList();
    }

    private static string Valid(string name, IReadOnlyList<string> valid, string noun)
    {
        var nearest = Suggestions.Nearest(name, valid);
        return (nearest is null ? "" : $"did you mean '{nearest}'? ") + $"valid {noun}: {string.Join(", ", valid)}";
    }
}
