using System.Text.Json;
using System.Text.Json.Serialization;

namespace Liftoff.Aws.CodePipeline.Model;

/// <summary>
/// A pipeline's structure as GetPipeline returns it and UpdatePipeline takes it. Members this model does
/// not name are kept as they came (Unmodelled) so that a read-modify-write never drops them.
/// </summary>
public class PipelineDeclaration
{
    public string? Name { get; set; }
    public string? RoleArn { get; set; }
    public ArtifactStore? ArtifactStore { get; set; }
    public Dictionary<string, ArtifactStore>? ArtifactStores { get; set; }
    public List<StageDeclaration> Stages { get; set; } = [];
    /// <summary>Starts at 1, incremented by every UpdatePipeline.</summary>
    public int? Version { get; set; }
    public PipelineType? PipelineType { get; set; }
    public ExecutionMode? ExecutionMode { get; set; }

    [JsonExtensionData, JsonInclude]
    internal Dictionary<string, JsonElement>? Unmodelled { get; set; }
}

public class ArtifactStore
{
    public ArtifactStoreType? Type { get; set; }
    public string? Location { get; set; }

    [JsonExtensionData, JsonInclude]
    internal Dictionary<string, JsonElement>? Unmodelled { get; set; }
}

public class StageDeclaration
{
    public string? Name { get; set; }
    public List<ActionDeclaration> Actions { get; set; } = [];

    [JsonExtensionData, JsonInclude]
    internal Dictionary<string, JsonElement>? Unmodelled { get; set; }
}

public class ActionDeclaration
{
    public string? Name { get; set; }
    public ActionTypeId? ActionTypeId { get; set; }
    public int? RunOrder { get; set; }
    public Dictionary<string, string> Configuration { get; set; } = [];
    public List<OutputArtifact> OutputArtifacts { get; set; } = [];
    public List<InputArtifact> InputArtifacts { get; set; } = [];
    public string? RoleArn { get; set; }
    public string? Region { get; set; }
    public string? Namespace { get; set; }

    [JsonExtensionData, JsonInclude]
    internal Dictionary<string, JsonElement>? Unmodelled { get; set; }
}

public class ActionTypeId
{
    public ActionCategory? Category { get; set; }
    public ActionOwner? Owner { get; set; }
    public string? Provider { get; set; }
    public string? Version { get; set; }
}

public class OutputArtifact
{
    public string? Name { get; set; }
}

public class InputArtifact
{
    public string? Name { get; set; }
}

public class PipelineMetadata
{
    public string? PipelineArn { get; set; }
    public DateTime? Created { get; set; }
    public DateTime? Updated { get; set; }
}
