namespace Liftoff.Configuration;

/// <summary>
/// The stack parameters project.yaml reads from the environment (<c>{ fromEnv: NAME }</c>), read when a deploy needs
/// them: never at load, so Compile or Releases work without a deploy's secrets. Each value is handed to the masker
/// before anything can print it.
/// </summary>
public static class StackSecrets
{
    /// <summary>Every variable any project reads, in any environment, for the masker.</summary>
    public static IEnumerable<string> Variables(IEnumerable<ProjectEnvironment> environments) =>
        environments.SelectMany(p => p.StackParametersFromEnvironment).Select(p => p.Variable).Distinct(StringComparer.Ordinal);

    /// <summary>The project environments with every fromEnv parameter's value added to StackParameters.</summary>
    /// <exception cref="ConfigurationException">A variable is unset or empty; each at the file:line:column that reads it.</exception>
    public static IReadOnlyList<ProjectEnvironment> Apply(
        IReadOnlyList<ProjectEnvironment> environments, IReadOnlyDictionary<string, string> variables, Action<string> secret)
    {
        var unset = environments.SelectMany(p => p.StackParametersFromEnvironment)
            .Where(p => string.IsNullOrEmpty(variables.GetValueOrDefault(p.Variable)))
            .Select(p => p.Unset())
            .ToList();
        if (unset.Count > 0) throw new ConfigurationException(unset);

        return environments.Select(environment =>
        {
            if (environment.StackParametersFromEnvironment.Count == 0) return environment;
            var parameters = new Dictionary<string, string>(environment.StackParameters, StringComparer.Ordinal);
            foreach (var parameter in environment.StackParametersFromEnvironment)
            {
                var value = variables[parameter.Variable];
                secret(value);
                parameters[parameter.Parameter] = value;
            }
            return environment with { StackParameters = parameters };
        }).ToList();
    }
}
