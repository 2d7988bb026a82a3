namespace Liftoff.Aws.Lambda.Model;

/// <summary>A function's (or one version's) configuration, as GetFunction and ListVersionsByFunction return it.</summary>
public class FunctionConfiguration
{
    public string? FunctionName { get; set; }
    public string? FunctionArn { get; set; }
    public Runtime? Runtime { get; set; }
    public string? Role { get; set; }
    public string? Handler { get; set; }
    public long? CodeSize { get; set; }
    public string? CodeSha256 { get; set; }
    public string? Description { get; set; }
    public int? Timeout { get; set; }
    public int? MemorySize { get; set; }
    public string? LastModified { get; set; }
    public string? Version { get; set; }
    public string? RevisionId { get; set; }
    public EnvironmentResponse? Environment { get; set; }
    public List<string> Architectures { get; set; } = [];
    public PackageType? PackageType { get; set; }
    public State? State { get; set; }
    public string? StateReason { get; set; }
    public StateReasonCode? StateReasonCode { get; set; }
    public LastUpdateStatus? LastUpdateStatus { get; set; }
    public string? LastUpdateStatusReason { get; set; }
    public LastUpdateStatusReasonCode? LastUpdateStatusReasonCode { get; set; }
}

public class EnvironmentResponse
{
    public Dictionary<string, string> Variables { get; set; } = [];
    public EnvironmentError? Error { get; set; }
}

public class EnvironmentError
{
    public string? ErrorCode { get; set; }
    public string? Message { get; set; }
}
