using Liftoff.Configuration;

namespace Liftoff.Ci.Workflows;

/// <summary>One environment as CI sees it: where it lives and the role GitHub Actions assumes there through OIDC.</summary>
public sealed record CiEnvironment(string Name, string Region, string? RoleArn, bool RequiresApproval);

/// <summary>The projects and environments of the configuration, as the CI files need them.</summary>
public sealed record CiTopology(IReadOnlyList<string> Projects, IReadOnlyList<CiEnvironment> Environments)
{
    public static CiTopology From(LiftoffConfiguration configuration)
    {
        var environments = configuration.ProjectNames.Count == 0 ? [] : configuration.EnvironmentNames
            .Select(name => configuration.Resolve(name, null)[0])
            .Select(p => new CiEnvironment(p.Environment, p.Region, p.CiRoleArn, p.RequiresApproval))
            .ToList();
        return new CiTopology(configuration.ProjectNames, environments);
    }

    /// <summary>The environments CI can reach: those with a ciRoleArn (a local one has none).</summary>
    public IReadOnlyList<CiEnvironment> Reachable => Environments.Where(e => e.RoleArn is not null).ToList();

    /// <exception cref="CiGenerationException">Unknown, or without the ciRoleArn that OIDC needs.</exception>
    public CiEnvironment Require(string name, string usedBy)
    {
        var environment = Environments.FirstOrDefault(e => e.Name == name) ?? throw new CiGenerationException(
            $"{usedBy} names the environment '{name}', which environments.yaml does not have " +
            $"(it has: {string.Join(", ", Environments.Select(e => e.Name).DefaultIfEmpty("none"))}).");
        if (environment.RoleArn is null)
            throw new CiGenerationException(
                $"{usedBy} deploys to '{name}', but environments.yaml gives it no ciRoleArn: GitHub Actions reaches AWS only " +
                $"through OIDC, so add environments.{name}.ciRoleArn (the role CiPolicy describes).");
        return environment;
    }
}
