using System.Text.RegularExpressions;

namespace Liftoff.Configuration.Templates;

/// <summary>
/// Liftoff's names for what a template declares: artifact keys, staging folders and project.yaml use
/// lowercase names with hyphens, templates use PascalCase logical ids.
/// </summary>
internal static partial class LogicalNames
{
    private const string FunctionSuffix = "Function";

    /// <summary>HelloWorldFunction → hello-world, ApiFunction → api, S3Handler → s3-handler.</summary>
    public static string Function(string logicalId) =>
        Kebab(logicalId.Length > FunctionSuffix.Length && logicalId.EndsWith(FunctionSuffix, StringComparison.Ordinal)
            ? logicalId[..^FunctionSuffix.Length]
            : logicalId);

    /// <summary>SharedLayer → shared-layer.</summary>
    public static string Layer(string logicalId) => Kebab(logicalId);

    private static string Kebab(string pascal) => string.Join('-', WordBoundary().Split(pascal)).ToLowerInvariant();

    // Before an upper-case letter that follows a lower-case letter or digit (HelloWorld), and before the last
    // capital of a run that starts a word (APIGateway → API-Gateway).
    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex WordBoundary();
}
