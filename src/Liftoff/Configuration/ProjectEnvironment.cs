namespace Liftoff.Configuration;

/// <summary>One project resolved for one environment: everything a deploy needs, overrides applied.</summary>
public sealed record ProjectEnvironment
{
    public required string Project { get; init; }
    public required string Environment { get; init; }
    /// <summary>Absolute path of projects/&lt;name&gt;.</summary>
    public required string ProjectDirectory { get; init; }
    public required string Region { get; init; }
    public string? AccountId { get; init; }
    public string? EndpointUrl { get; init; }
    public required string ArtifactBucket { get; init; }
    public bool RequiresApproval { get; init; }
    public bool TerminationProtection { get; init; }
    /// <summary>The environment's tags with the project's on top.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
    public string? CiRoleArn { get; init; }
    /// <summary>{project}-{env}.</summary>
    public required string StackName { get; init; }
    /// <summary>Absolute path of the CloudFormation template.</summary>
    public required string TemplatePath { get; init; }
    /// <summary>
    /// Project, Environment, ArtifactBucket, each function's &lt;Name&gt;MemorySize, &lt;Name&gt;Timeout and
    /// &lt;Name&gt;Architecture, and the project's stack parameters (placeholders replaced; they win).
    /// The deploy adds each function's CodeKey and passes only what the template declares.
    /// </summary>
    public required IReadOnlyDictionary<string, string> StackParameters { get; init; }
    /// <summary>The parameters the template declares (names), so a deploy can filter without parsing it again.</summary>
    public required IReadOnlyList<string> TemplateParameters { get; init; }
    public required IReadOnlyList<FunctionEnvironment> Functions { get; init; }
    public FrontEnd? FrontEnd { get; init; }
    public required StackOutputs Outputs { get; init; }
    public required IReadOnlyList<SmokeCheck> SmokeChecks { get; init; }
    public required Rollout Rollout { get; init; }
    public required IReadOnlyList<string> Alarms { get; init; }
}

/// <summary>One Lambda function of a project in one environment.</summary>
public sealed record FunctionEnvironment
{
    public required string Name { get; init; }
    /// <summary>nodejs20.x, nodejs22.x, python3.12 or python3.13.</summary>
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

public enum FunctionBuilder { Node, TypeScript, Python }

/// <summary>A static front end: built by running BuildCommand in SourceDirectory into OutputDirectory (all absolute).</summary>
public sealed record FrontEnd(string SourceDirectory, string BuildCommand, string OutputDirectory);

/// <summary>A stack output and the logical id of the resource to read when the stack has no outputs.</summary>
public sealed record StackOutputReference(string OutputName, string LogicalId);

public sealed record StackOutputs(
    StackOutputReference? ApiUrl,
    StackOutputReference? SiteBucket,
    StackOutputReference? DistributionId);

public sealed record SmokeCheck(string Name, string Method, string Path, int ExpectedStatus, string? BodyContains, string? Body);

public enum RolloutStrategy { AllAtOnce, Canary, Linear }

/// <summary>
/// How traffic moves to a new version: Steps weighted shifts (Percent, 2×Percent, …), each followed by
/// IntervalMinutes of watching the alarms, then 100%. Canary has one step; AllAtOnce none.
/// </summary>
public sealed record Rollout(RolloutStrategy Strategy, int Percent, int IntervalMinutes, int Steps)
{
    public static Rollout AllAtOnce { get; } = new(RolloutStrategy.AllAtOnce, 100, 0, 0);
}
