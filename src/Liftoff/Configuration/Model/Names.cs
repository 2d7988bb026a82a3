namespace Liftoff.Configuration.Model;

/// <summary>Patterns and AWS limits for the names Liftoff derives ({project}-{env}-{resource-type}[-{name}]).</summary>
public static class Names
{
    public const string ProjectPattern = "^[a-z][a-z0-9-]*[a-z0-9]$";
    public const string ProjectHint = "lowercase letters, digits and hyphens, starting with a letter";
    public const string EnvironmentPattern = "^[a-z][a-z0-9]*$";
    public const string EnvironmentHint = "lowercase letters and digits, starting with a letter";
    public const string FunctionPattern = "^[a-z][a-z0-9-]*$";
    public const string FunctionHint = "lowercase letters, digits and hyphens, starting with a letter";
    public const string TagKeyPattern = @"^[\w .:/=+@-]{1,128}$";
    public const string TagKeyHint = "up to 128 letters, digits, spaces and _ . : / = + - @";

    /// <summary>The alias Liftoff publishes versions behind and moves during a rollout.</summary>
    public const string LiveAlias = "live";

    public const int MaxFunctionName = 64;
    public const int MaxBucketName = 63;
    public const int MaxStackName = 128;

    public static string Stack(string project, string env) => $"{project}-{env}";
    public static string Function(string project, string env, string function) => $"{project}-{env}-lambda-{function}";

    /// <summary>api → Api, user-cards → UserCards: the function's part of stack parameter and logical ids.</summary>
    public static string Pascal(string name) =>
        string.Concat(name.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
