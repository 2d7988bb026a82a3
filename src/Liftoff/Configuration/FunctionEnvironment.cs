namespace Liftoff.Configuration;

/// <summary>Who moves a function's live alias to a new version.</summary>
public enum AliasOwner
{
    /// <summary>Liftoff's rollout: publishes the version and moves the alias by the environment's strategy.</summary>
    Liftoff,
    /// <summary>SAM's AutoPublishAlias: the template publishes the version and points the alias at it during the stack update.</summary>
    Template,
    /// <summary>SAM's DeploymentPreference: CodeDeploy shifts the alias's traffic during the stack update.</summary>
    CodeDeploy,
}

/// <summary>One Lambda function of a project in one environment.</summary>
public sealed record FunctionEnvironment
{
    /// <summary>The alias Liftoff moves when the template names none.</summary>
    public const string LiveAlias = "live";

    public required string Name { get; init; }
    /// <summary>A Lambda runtime AWS still lets functions be created on: nodejs24.x, python3.14…</summary>
    public required string Runtime { get; init; }
    public required string Handler { get; init; }
    public required FunctionBuilder Builder { get; init; }
    /// <summary>Absolute source folder.</summary>
    public required string SourceDirectory { get; init; }
    /// <summary>Absolute {root}/.nuke/temp/staging/{project}/{function}: the deployable tree Compile writes.</summary>
    public required string StagingDirectory { get; init; }
    /// <summary>
    /// The function's name when the template sets FunctionName to something Liftoff can evaluate (the samples'
    /// {project}-{env}-lambda-{function}); null when AWS names it. Deploy reads the physical name from the stack.
    /// </summary>
    public string? FunctionName { get; init; }
    /// <summary>Logical id of the function (AWS::Lambda::Function or AWS::Serverless::Function) in the template.</summary>
    public required string LogicalId { get; init; }
    /// <summary>
    /// The stack parameter that carries the S3 key of this function's zip (e.g. ApiCodeKey); null when the template
    /// names a local folder (CodeUri, Code), which Deploy rewrites to the artifact's S3 location.
    /// </summary>
    public string? CodeKeyParameter { get; init; }
    /// <summary>MB; null leaves the template's value.</summary>
    public int? MemorySize { get; init; }
    /// <summary>Seconds; null leaves the template's value.</summary>
    public int? Timeout { get; init; }
    /// <summary>x86_64 or arm64: what the build was made for, so always applied.</summary>
    public required string Architecture { get; init; }
    /// <summary>Added to the template's variables (a name in both takes this value).</summary>
    public required IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; }
    /// <summary>
    /// The template's own variables as the handler check sees them before the stack exists (<see cref="Templates.TemplateVariables"/>);
    /// Deploy leaves them in the template as written.
    /// </summary>
    public IReadOnlyDictionary<string, string> TemplateVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>What the function's code finds in its environment, as far as it is known before the deploy: the template's, then project.yaml's.</summary>
    public IReadOnlyDictionary<string, string> VariablesForHandlerCheck
    {
        get
        {
            var variables = new Dictionary<string, string>(TemplateVariables, StringComparer.Ordinal);
            foreach (var (name, value) in EnvironmentVariables) variables[name] = value;
            return variables;
        }
    }

    /// <summary>
    /// The template properties (MemorySize, Timeout, Architectures) whose values reach the stack as parameters the
    /// template refers to; Deploy writes the others into the deployed template.
    /// </summary>
    public IReadOnlySet<string> ParameterSettings { get; init; } = new HashSet<string>();
    /// <summary>Globs, relative to the staging folder, of what goes into the zip.</summary>
    public required IReadOnlyList<string> Include { get; init; }
    public required IReadOnlyList<string> Exclude { get; init; }
    /// <summary>The alias that serves traffic: SAM's AutoPublishAlias, else <c>live</c>.</summary>
    public string AliasName { get; init; } = LiveAlias;
    public AliasOwner AliasOwner { get; init; } = AliasOwner.Liftoff;
    /// <summary>An AWS::Serverless::Function (SAM), as opposed to an AWS::Lambda::Function.</summary>
    public bool Serverless { get; init; }
    /// <summary>Names of the project's layers the function uses.</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];
}

/// <summary>A layer of a project in one environment: Deploy rewrites its ContentUri or Content to the artifact.</summary>
public sealed record LayerEnvironment(string Name, string LogicalId, bool Serverless, string StagingDirectory);
