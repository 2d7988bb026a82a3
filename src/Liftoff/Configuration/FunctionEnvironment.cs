namespace Liftoff.Configuration;

/// <summary>One Lambda function of a project in one environment.</summary>
public sealed record FunctionEnvironment
{
    public required string Name { get; init; }
    /// <summary>A Lambda runtime AWS still lets functions be created on: nodejs24.x, python3.14…</summary>
    public required string Runtime { get; init; }
    public required string Handler { get; init; }
    public required FunctionBuilder Builder { get; init; }
    /// <summary>Absolute source folder.</summary>
    public required string SourceDirectory { get; init; }
    /// <summary>Absolute {root}/.nuke/temp/staging/{project}/{function}: the deployable tree Compile writes.</summary>
    public required string StagingDirectory { get; init; }
    /// <summary>{project}-{env}-lambda-{function}.</summary>
    public required string FunctionName { get; init; }
    /// <summary>Logical id of the AWS::Lambda::Function in the template.</summary>
    public required string LogicalId { get; init; }
    /// <summary>The stack parameter that carries the S3 key of this function's zip, e.g. ApiCodeKey.</summary>
    public required string CodeKeyParameter { get; init; }
    public required int MemorySize { get; init; }
    public required int Timeout { get; init; }
    /// <summary>x86_64 or arm64.</summary>
    public required string Architecture { get; init; }
    public required IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; }
    /// <summary>Globs, relative to the staging folder, of what goes into the zip.</summary>
    public required IReadOnlyList<string> Include { get; init; }
    public required IReadOnlyList<string> Exclude { get; init; }
}
