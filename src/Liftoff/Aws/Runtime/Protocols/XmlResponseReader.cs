using System.Net;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace Liftoff.Aws.Runtime.Protocols;

/// <summary>
/// Reads an XML operation's answer (awsQuery, restXml) with LINQ to XML, element names matched without
/// namespaces. Errors go through the SDK's <see cref="XmlErrorResponseUnmarshaller"/> and then the
/// service's typed exceptions.
/// </summary>
public sealed class XmlResponseReader<TResponse>(ServiceErrors errors, Func<XElement, IWebResponseData, TResponse> read)
    : XmlResponseUnmarshaller
    where TResponse : AmazonWebServiceResponse, new()
{
    /// <summary>An awsQuery answer: reads the &lt;{Action}Result&gt; element (empty when absent).</summary>
    public static XmlResponseReader<TResponse> Query(ServiceErrors errors, Func<XElement, TResponse> read) =>
        new(errors, (root, _) => read(root.Child(root.Name.LocalName.Replace("Response", "Result")) ?? new XElement("Result")));

    public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext context)
    {
        using var buffer = new MemoryStream();
        context.Stream.CopyTo(buffer);
        buffer.Position = 0;
        var root = buffer.Length == 0 ? new XElement("Empty") : XDocument.Load(buffer).Root!;
        var response = read(root, context.ResponseData);
        var requestId = root.Child("ResponseMetadata")?.Text("RequestId");
        if (requestId is not null)
            response.ResponseMetadata = new ResponseMetadata { RequestId = requestId };
        return response;
    }

    public override AmazonServiceException UnmarshallException(XmlUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
    {
        var error = XmlErrorResponseUnmarshaller.GetInstance().Unmarshall(context);
        return errors.Create(error.Message, innerException, error.Type, error.Code, error.RequestId, statusCode);
    }
}
