using System.Text;
using Amazon.Runtime;

namespace Liftoff.Aws.Lambda.Model;

public class InvokeRequest : AmazonWebServiceRequest
{
    public string? FunctionName { get; set; }
    public string? Qualifier { get; set; }
    public InvocationType? InvocationType { get; set; }
    public LogType? LogType { get; set; }
    /// <summary>Base64-encoded client context (up to 3583 bytes).</summary>
    public string? ClientContextBase64 { get; set; }
    /// <summary>The JSON event as a string, kept in <see cref="PayloadStream"/> (as the official SDK's hand-written Payload is).</summary>
    public string? Payload
    {
        get => PayloadStream is null ? null : Encoding.UTF8.GetString(PayloadStream.ToArray());
        set => PayloadStream = value is null ? null : new MemoryStream(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>The JSON event (the model's Payload member).</summary>
    public MemoryStream? PayloadStream { get; set; }
}

public class InvokeResponse : AmazonWebServiceResponse
{
    /// <summary>200 for RequestResponse, 202 for Event, 204 for DryRun.</summary>
    public int StatusCode { get; set; }
    /// <summary>Set when the function itself failed ("Unhandled" or "Handled"); the payload then holds the error.</summary>
    public string? FunctionError { get; set; }
    /// <summary>The last 4 KB of the execution log, base64 (LogType Tail).</summary>
    public string? LogResult { get; set; }
    public string? ExecutedVersion { get; set; }
    public MemoryStream Payload { get; set; } = new();
}
