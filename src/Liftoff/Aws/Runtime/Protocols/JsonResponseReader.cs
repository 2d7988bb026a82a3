using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace Liftoff.Aws.Runtime.Protocols;

/// <summary>
/// Reads a JSON operation's answer (restJson1, awsJson1.1). Success bodies become the response type
/// with System.Text.Json; errors go through the SDK's own <see cref="JsonErrorResponseUnmarshaller"/>
/// (which reads __type, code, message and the X-Amzn-ErrorType header) and then the service's typed exceptions.
/// </summary>
public sealed class JsonResponseReader<TResponse>(ServiceErrors errors, Func<Stream, IWebResponseData, TResponse> read)
    : JsonResponseUnmarshaller
    where TResponse : AmazonWebServiceResponse, new()
{
    /// <summary>The body is the response object itself.</summary>
    public static JsonResponseReader<TResponse> Body(ServiceErrors errors, JsonSerializerOptions options) =>
        new(errors, (stream, _) => Deserialize<TResponse>(stream, options));

    public static T Deserialize<T>(Stream stream, JsonSerializerOptions options) where T : new()
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.Length == 0 ? new T() : JsonSerializer.Deserialize<T>(buffer.ToArray(), options) ?? new T();
    }

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context) =>
        read(context.Stream, context.ResponseData);

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
    {
        var reader = new StreamingUtf8JsonReader(context.Stream);
        var error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(context, ref reader);
        return errors.Create(PreferBodyMessage(error.Message, context), innerException, error.Type, error.Code, error.RequestId, statusCode);
    }

    // Lambda writes its message as "Message" (capital M), which the SDK's error reader only finds as "message".
    private static string? PreferBodyMessage(string? sdkMessage, JsonUnmarshallerContext context)
    {
        if (sdkMessage is not null && !sdkMessage.StartsWith("The service returned an error", StringComparison.Ordinal))
            return sdkMessage;
        try
        {
            using var document = JsonDocument.Parse(context.GetResponseBodyBytes());
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                foreach (var property in document.RootElement.EnumerateObject())
                    if (property.NameEquals("Message") || property.NameEquals("message"))
                        return property.Value.GetString();
        }
        catch (JsonException)
        {
        }
        return sdkMessage;
    }
}
