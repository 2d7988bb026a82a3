using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Liftoff.Configuration.Model;

/// <summary>One Lambda function in project.yaml, as written.</summary>
public sealed record FunctionDefinition
{
    /// <summary>The shape of a Node.js or Python runtime id; which ones AWS accepts today comes from its lifecycle data.</summary>
    public const string RuntimePattern = @"^(nodejs|python)[0-9][0-9a-z.-]*$";

    [BuildInput]
    [RegularExpression(RuntimePattern, ErrorMessage = "a Node.js or Python Lambda runtime, such as nodejs24.x or python3.14")]
    [Description("Lambda runtime (nodejs22.x, nodejs24.x, python3.12 to python3.14…): any AWS still lets you create, from cfn-lint's runtime lifecycle data; the template's Runtime when absent (they must agree when both say it).")]
    public string? Runtime { get; init; }

    [BuildInput]
    [RegularExpression(@"^[\w./-]+\.[A-Za-z_$][\w$]*$", ErrorMessage = "module.function, e.g. index.handler or app.handler")]
    [Description("Handler: module path and function, e.g. index.handler; the template's Handler when absent.")]
    public string? Handler { get; init; }

    [BuildInput]
    [Description("Source folder, relative to the project folder; the template's CodeUri (SAM) or Code when absent.")]
    public string? Source { get; init; }

    [BuildInput, AllowedValues("node", "typescript", "python")]
    [Description("How the function is built; when absent: typescript for SAM's BuildMethod esbuild, else from the runtime (nodejs: node, python: python).")]
    public string? Builder { get; init; }

    [BuildInput]
    [Description("typescript: entry file bundled by esbuild, relative to the source folder (default: SAM's BuildProperties.EntryPoints, else src/index.ts).")]
    public string? Entry { get; init; }

    [BuildInput]
    [Description("Command run in the source folder before staging; for node it replaces `npm run build` (run when package.json has a build script).")]
    public string? Build { get; init; }

    [BuildInput]
    [Description("Command that runs the unit tests in the source folder (default: node --test, or python3 -m unittest).")]
    public string? Test { get; init; }

    [Range(128, 10240)]
    [Description("Memory in MB; the template's when absent. Applied to the deployed function in every environment.")]
    public int? MemorySize { get; init; }

    [Range(1, 900)]
    [Description("Timeout in seconds; the template's when absent. Applied to the deployed function in every environment.")]
    public int? Timeout { get; init; }

    [BuildInput, AllowedValues("x86_64", "arm64")]
    [Description("Instruction set; the template's Architectures when absent, else x86_64. Python dependencies are installed for it.")]
    public string? Architecture { get; init; }

    [KeyPattern(@"^[A-Za-z][A-Za-z0-9_]*$", "an environment variable name (letters, digits, _)")]
    [Placeholders]
    [Description("Environment variables added to the function's (same name: this value wins); values may use placeholders.")]
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    [RegularExpression(@"^[A-Za-z0-9]+$", ErrorMessage = "a CloudFormation logical id (letters and digits)")]
    [Description("Logical id of the function in the template (default: the function whose logical id gives this name, HelloWorldFunction for hello-world, else <Name>Function).")]
    public string? LogicalId { get; init; }

    [BuildInput]
    [Description("Globs of staged files to package (default: everything).")]
    public IReadOnlyList<string>? Include { get; init; }

    [BuildInput]
    [Description("Globs of staged files left out of the package (default: tests, caches).")]
    public IReadOnlyList<string>? Exclude { get; init; }
}
