using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Liftoff.Configuration.Model;

/// <summary>One Lambda function in project.yaml, as written.</summary>
public sealed record FunctionDefinition
{
    public const int DefaultMemorySize = 128;
    public const int DefaultTimeout = 10;

    /// <summary>The shape of a Node.js or Python runtime id; which ones AWS accepts today comes from its lifecycle data.</summary>
    public const string RuntimePattern = @"^(nodejs|python)[0-9][0-9a-z.-]*$";

    [Required, BuildInput]
    [RegularExpression(RuntimePattern, ErrorMessage = "a Node.js or Python Lambda runtime, such as nodejs24.x or python3.14")]
    [Description("Lambda runtime (nodejs22.x, nodejs24.x, python3.12 to python3.14…): any AWS still lets you create, from cfn-lint's runtime lifecycle data.")]
    public string? Runtime { get; init; }

    [Required, BuildInput]
    [RegularExpression(@"^[\w./-]+\.[A-Za-z_$][\w$]*$", ErrorMessage = "module.function, e.g. index.handler or app.handler")]
    [Description("Handler: module path and function, e.g. index.handler.")]
    public string? Handler { get; init; }

    [Required, BuildInput]
    [Description("Source folder, relative to the project folder.")]
    public string? Source { get; init; }

    [BuildInput, AllowedValues("node", "typescript", "python")]
    [Description("How the function is built; from the runtime when absent (nodejs: node, python: python).")]
    public string? Builder { get; init; }

    [BuildInput]
    [Description("typescript: entry file bundled by esbuild, relative to the source folder (default src/index.ts).")]
    public string? Entry { get; init; }

    [BuildInput]
    [Description("Command run in the source folder before staging; for node it replaces `npm run build` (run when package.json has a build script).")]
    public string? Build { get; init; }

    [BuildInput]
    [Description("Command that runs the unit tests in the source folder (default: node --test, or python3 -m unittest).")]
    public string? Test { get; init; }

    [Range(128, 10240), DefaultValue(DefaultMemorySize)]
    [Description("Memory in MB.")]
    public int? MemorySize { get; init; }

    [Range(1, 900), DefaultValue(DefaultTimeout)]
    [Description("Timeout in seconds.")]
    public int? Timeout { get; init; }

    [BuildInput, AllowedValues("x86_64", "arm64"), DefaultValue("x86_64")]
    [Description("Instruction set; Python dependencies are installed for it.")]
    public string? Architecture { get; init; }

    [KeyPattern(@"^[A-Za-z][A-Za-z0-9_]*$", "an environment variable name (letters, digits, _)")]
    [Placeholders]
    [Description("Environment variables; values may use placeholders.")]
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    [RegularExpression(@"^[A-Za-z0-9]+$", ErrorMessage = "a CloudFormation logical id (letters and digits)")]
    [Description("Logical id of the AWS::Lambda::Function in the template (default: <Name>Function).")]
    public string? LogicalId { get; init; }

    [BuildInput]
    [Description("Globs of staged files to package (default: everything).")]
    public IReadOnlyList<string>? Include { get; init; }

    [BuildInput]
    [Description("Globs of staged files left out of the package (default: tests, caches).")]
    public IReadOnlyList<string>? Exclude { get; init; }
}
