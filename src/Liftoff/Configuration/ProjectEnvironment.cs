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
    /// <summary>The environment's CodePipeline, when environments.yaml declares one (the same for every project).</summary>
    public PipelineSettings? Pipeline { get; init; }
    /// <summary>{project}-{env}.</summary>
    public required string StackName { get; init; }
    /// <summary>Absolute path of the CloudFormation template.</summary>
    public required string TemplatePath { get; init; }
    /// <summary>
    /// Project, Environment, ArtifactBucket and the project's stack parameters (placeholders replaced). The deploy
    /// adds each function's CodeKey and the settings the template takes as parameters (MemorySize: !Ref ApiMemorySize),
    /// and passes only what the template declares.
    /// </summary>
    public required IReadOnlyDictionary<string, string> StackParameters { get; init; }
    /// <summary>
    /// Stack parameters read from environment variables when Deploy runs (<c>{ fromEnv: NAME }</c>): not in
    /// <see cref="StackParameters"/> until <see cref="StackSecrets.Apply"/> adds them.
    /// </summary>
    public IReadOnlyList<StackParameterFromEnvironment> StackParametersFromEnvironment { get; init; } = [];
    /// <summary>The parameters the template declares (names), so a deploy can filter without parsing it again.</summary>
    public required IReadOnlyList<string> TemplateParameters { get; init; }
    public required IReadOnlyList<FunctionEnvironment> Functions { get; init; }
    /// <summary>The template's layers with local content.</summary>
    public IReadOnlyList<LayerEnvironment> Layers { get; init; } = [];
    /// <summary>The names of everything Package makes for the project: each function's artifact, then each layer's.</summary>
    public IEnumerable<string> ArtifactNames => Functions.Select(f => f.Name).Concat(Layers.Select(l => l.Name));
    /// <summary>The template declares SAM's transform: the local AWS gets it expanded (AWS expands it server-side).</summary>
    public bool Serverless { get; init; }
    public FrontEnd? FrontEnd { get; init; }
    public required StackOutputs Outputs { get; init; }
    public required IReadOnlyList<SmokeCheck> SmokeChecks { get; init; }
    public SmokeSettings Smoke { get; init; } = SmokeSettings.Default;
    public required Rollout Rollout { get; init; }
    public required IReadOnlyList<string> Alarms { get; init; }

    public const int DefaultInvalidationPathLimit = 15;

    /// <summary>Over this many changed paths, InvalidateCdn collapses them into wildcard prefixes (project.yaml, else environments.yaml).</summary>
    public int InvalidationPathLimit { get; init; } = DefaultInvalidationPathLimit;
}
