namespace Liftoff.Configuration;

/// <summary>
/// A stack parameter whose value Deploy reads from an environment variable (<c>DbPassword: { fromEnv: DB_PASSWORD }</c>),
/// and where project.yaml says so, for the message when the variable is not set.
/// </summary>
public sealed record StackParameterFromEnvironment(string Parameter, string Variable, string File, int Line, int Column)
{
    public ConfigurationError Unset() => new(File, Line, Column,
        $"'stackParameters.{Parameter}' reads the environment variable {Variable}, which is not set; " +
        $"export {Variable} before ./build.sh Deploy (in CI, map it from a secret)");
}
