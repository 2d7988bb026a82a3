using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Templates;

/// <summary>
/// An AWS::Serverless::Function (SAM's Globals applied) or AWS::Lambda::Function as its template declares it.
/// Values that are not literals (a !Ref, an !If) are null: project.yaml must then say them.
/// </summary>
internal sealed record TemplateFunction(string LogicalId, bool Serverless, SourceLocation Location)
{
    public const string SamType = "AWS::Serverless::Function";
    public const string LambdaType = "AWS::Lambda::Function";

    public required TemplateCode Code { get; init; }
    public TemplateText? Runtime { get; init; }
    public TemplateText? Handler { get; init; }
    public TemplateText? Architecture { get; init; }

    /// <summary>SAM's Metadata.BuildMethod (esbuild bundles) and the first of BuildProperties.EntryPoints.</summary>
    public TemplateText? BuildMethod { get; init; }
    public TemplateText? EntryPoint { get; init; }

    /// <summary>The Environment properties that give the function variables: SAM's Globals.Function first, then its own.</summary>
    public IReadOnlyList<YamlDotNet.RepresentationModel.YamlNode> Environments { get; init; } = [];

    /// <summary>Where Environment.Variables is something other than a mapping (an !If…), so variables cannot be added; else null.</summary>
    public SourceLocation? UnmergeableVariables { get; init; }

    /// <summary>SAM's AutoPublishAlias: the alias SAM publishes versions to and points event sources at.</summary>
    public string? AutoPublishAlias { get; init; }

    /// <summary>SAM's DeploymentPreference: CodeDeploy shifts the alias's traffic during the stack update.</summary>
    public bool DeploymentPreference { get; init; }

    /// <summary>
    /// The settings the template takes from its parameters (MemorySize: !Ref ApiMemorySize), by property name
    /// (MemorySize, Timeout, Architectures): Liftoff passes those as parameters rather than rewriting the property.
    /// </summary>
    public IReadOnlyDictionary<string, string> SettingParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The FunctionName property (function's own), to evaluate when it is a literal or a simple !Sub.</summary>
    public YamlDotNet.RepresentationModel.YamlNode? FunctionName { get; init; }

    /// <summary>Logical ids of the layers of this template the function uses (Layers: - !Ref SharedLayer).</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];

    /// <summary>Liftoff's name for it: the logical id in kebab case without a "Function" suffix (HelloWorldFunction → hello-world).</summary>
    public string Name => LogicalNames.Function(LogicalId);
}

/// <summary>An AWS::Serverless::LayerVersion (ContentUri) or AWS::Lambda::LayerVersion (Content).</summary>
internal sealed record TemplateLayer(string LogicalId, bool Serverless, SourceLocation Location, TemplateCode Content)
{
    public const string SamType = "AWS::Serverless::LayerVersion";
    public const string LambdaType = "AWS::Lambda::LayerVersion";

    /// <summary>The logical id in kebab case (SharedLayer → shared-layer): the layer's artifact name.</summary>
    public string Name => LogicalNames.Layer(LogicalId);
}
