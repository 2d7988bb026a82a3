using Amazon.Runtime;

namespace Liftoff.Aws.Lambda.Model;

/// <summary>
/// The members of <see cref="FunctionConfiguration"/> on a response: GetFunctionConfiguration,
/// UpdateFunctionCode and PublishVersion answer with a function configuration (the official SDK repeats
/// these members on each of the three responses; here they share this base).
/// </summary>
public abstract class FunctionConfigurationResponse : AmazonWebServiceResponse
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
