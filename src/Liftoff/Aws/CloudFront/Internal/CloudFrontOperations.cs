using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Liftoff.Aws.CloudFront.Model;
using Liftoff.Aws.Runtime;
using Liftoff.Aws.Runtime.Protocols;

namespace Liftoff.Aws.CloudFront.Internal;

/// <summary>
/// CloudFront's operations on the restXml protocol (API 2020-05-31): one marshaller and one unmarshaller each.
/// Wire format: https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Operations_Amazon_CloudFront.html
/// </summary>
internal static class CloudFrontOperations
{
    private const string Service = "Amazon.CloudFront";
    private static readonly XNamespace Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    public static readonly AwsOperation<GetDistributionRequest, GetDistributionResponse> GetDistribution = new(
        "GetDistribution",
        r => HttpRequests.Rest(r, Service, "GET", "/2020-05-31/distribution/{Id}").PathValue("{Id}", r.Id),
        Reader((root, http) => new GetDistributionResponse { Distribution = Distribution(root), ETag = Header(http, "ETag") }),
        r => r.Id);

    public static readonly AwsOperation<CreateInvalidationRequest, CreateInvalidationResponse> CreateInvalidation = new(
        "CreateInvalidation",
        r => HttpRequests.Rest(r, Service, "POST", "/2020-05-31/distribution/{DistributionId}/invalidation")
            .PathValue("{DistributionId}", r.DistributionId)
            .XmlBody(InvalidationBatchXml(r.InvalidationBatch ?? throw new ArgumentException("CreateInvalidation needs an InvalidationBatch."))),
        Reader((root, http) => new CreateInvalidationResponse { Invalidation = Invalidation(root), Location = Header(http, "Location") }),
        r => r.DistributionId);

    public static readonly AwsOperation<GetInvalidationRequest, GetInvalidationResponse> GetInvalidation = new(
        "GetInvalidation",
        r => HttpRequests.Rest(r, Service, "GET", "/2020-05-31/distribution/{DistributionId}/invalidation/{Id}")
            .PathValue("{DistributionId}", r.DistributionId).PathValue("{Id}", r.Id),
        Reader((root, _) => new GetInvalidationResponse { Invalidation = Invalidation(root) }),
        r => $"{r.DistributionId}/invalidation/{r.Id}");

    private static XElement InvalidationBatchXml(InvalidationBatch batch)
    {
        var items = batch.Paths?.Items ?? [];
        return new XElement(Ns + "InvalidationBatch",
            new XElement(Ns + "Paths",
                new XElement(Ns + "Quantity", batch.Paths?.Quantity ?? items.Count),
                new XElement(Ns + "Items", items.Select(p => new XElement(Ns + "Path", p)))),
            new XElement(Ns + "CallerReference", batch.CallerReference));
    }

    private static Distribution Distribution(XElement e) => new()
    {
        Id = e.Text("Id"),
        ARN = e.Text("ARN"),
        Status = e.Text("Status"),
        LastModifiedTime = e.Date("LastModifiedTime"),
        InProgressInvalidationBatches = e.Int("InProgressInvalidationBatches"),
        DomainName = e.Text("DomainName"),
        DistributionConfig = e.Child("DistributionConfig") is { } c
            ? new DistributionConfig
            {
                CallerReference = c.Text("CallerReference"),
                Aliases = c.Child("Aliases") is { } aliases
                    ? new Aliases { Quantity = aliases.Int("Quantity"), Items = c.Items("Aliases").Select(a => a.Value).ToList() }
                    : null,
                DefaultRootObject = c.Text("DefaultRootObject"),
                Origins = c.Child("Origins") is { } origins
                    ? new Origins
                    {
                        Quantity = origins.Int("Quantity"),
                        Items = c.Items("Origins").Select(o => new Origin
                        {
                            Id = o.Text("Id"), DomainName = o.Text("DomainName"), OriginPath = o.Text("OriginPath"),
                        }).ToList(),
                    }
                    : null,
                Comment = c.Text("Comment"),
                Enabled = c.Bool("Enabled"),
                PriceClass = c.Text("PriceClass") is { } priceClass ? PriceClass.FindValue(priceClass) : null,
            }
            : null,
    };

    private static Invalidation Invalidation(XElement e) => new()
    {
        Id = e.Text("Id"),
        Status = e.Text("Status"),
        CreateTime = e.Date("CreateTime"),
        InvalidationBatch = e.Child("InvalidationBatch") is { } b
            ? new InvalidationBatch
            {
                CallerReference = b.Text("CallerReference"),
                Paths = b.Child("Paths") is { } paths
                    ? new Paths { Quantity = paths.Int("Quantity"), Items = b.Items("Paths").Select(p => p.Value).ToList() }
                    : null,
            }
            : null,
    };

    private static string? Header(IWebResponseData http, string name) =>
        http.IsHeaderPresent(name) ? http.GetHeaderValue(name) : null;

    private static XmlResponseReader<T> Reader<T>(Func<XElement, IWebResponseData, T> read) where T : AmazonWebServiceResponse, new() =>
        new(CloudFrontErrors.Instance, read);
}
