using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Liftoff.Aws.Runtime.Protocols;

/// <summary>
/// Builds the SDK's <see cref="IRequest"/> for REST and JSON-RPC operations, the way the official
/// generated marshallers fill it: method, resource path with {placeholders} the SDK escapes, query
/// parameters, headers and a byte[] body (so retries can resend it).
/// </summary>
public static class HttpRequests
{
    public static IRequest Rest(AmazonWebServiceRequest request, string serviceName, string method, string resourcePath) =>
        new DefaultRequest(request, serviceName) { HttpMethod = method, ResourcePath = resourcePath };

    /// <summary>A JSON-RPC call (awsJson 1.0/1.1): POST / with the operation in X-Amz-Target.</summary>
    public static IRequest JsonRpc(AmazonWebServiceRequest request, string serviceName, string target, string jsonVersion,
        object body, JsonSerializerOptions options)
    {
        var http = Rest(request, serviceName, "POST", "/");
        http.Headers["X-Amz-Target"] = target;
        http.Headers["Content-Type"] = $"application/x-amz-json-{jsonVersion}";
        http.Content = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), options);
        return http;
    }

    public static IRequest PathValue(this IRequest request, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
            throw new ArgumentException($"{request.RequestName} needs {name.Trim('{', '}')}.", name);
        request.AddPathResource(name, value);
        return request;
    }

    public static IRequest Query(this IRequest request, string name, string? value)
    {
        if (value is not null)
        {
            request.Parameters[name] = value;
            request.UseQueryString = true;
        }
        return request;
    }

    public static IRequest Header(this IRequest request, string name, string? value)
    {
        if (value is not null) request.Headers[name] = value;
        return request;
    }

    public static IRequest JsonBody(this IRequest request, object body, JsonSerializerOptions options)
    {
        request.Headers["Content-Type"] = "application/json";
        request.Content = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), options);
        return request;
    }

    public static IRequest XmlBody(this IRequest request, XElement body)
    {
        request.Headers["Content-Type"] = "application/xml";
        request.Content = Encoding.UTF8.GetBytes(body.ToString(SaveOptions.DisableFormatting));
        return request;
    }

    public static IRequest RawBody(this IRequest request, byte[] body, string contentType)
    {
        request.Headers["Content-Type"] = contentType;
        request.Content = body;
        return request;
    }
}
