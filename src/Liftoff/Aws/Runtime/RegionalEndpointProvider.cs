using System.Buffers;
using System.Text;
using System.Text.Json;
using Amazon;
using Amazon.Runtime.Endpoints;

namespace Liftoff.Aws.Runtime;

/// <summary>
/// Resolves where a request goes and how it is signed, in place of the rules engine the official
/// clients generate: the configured endpoint (ServiceURL, AWS_ENDPOINT_URL*, environments.yaml) when
/// there is one, else the service's regional (or global) endpoint in the region's partition.
/// FIPS and dual-stack endpoints are not modelled: Liftoff does not use them.
/// </summary>
public sealed class RegionalEndpointProvider(AwsServiceDefinition service) : IEndpointProvider
{
    public const string RegionParameter = "Region";
    public const string EndpointParameter = "Endpoint";

    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        var region = parameters[RegionParameter] as string;
        var configured = parameters[EndpointParameter] as string;
        if (!string.IsNullOrEmpty(configured))
            return WithSigning(configured, region);

        if (string.IsNullOrEmpty(region))
            throw new Amazon.Runtime.AmazonClientException(
                $"No AWS region for {service.ServiceId}: set `region` in environments.yaml, AWS_REGION, or an endpoint URL.");

        var regionEndpoint = RegionEndpoint.GetBySystemName(region);
        var dnsSuffix = string.IsNullOrEmpty(regionEndpoint.PartitionDnsSuffix) ? "amazonaws.com" : regionEndpoint.PartitionDnsSuffix;
        // AWS: CloudFront has one endpoint in the aws partition, signed for us-east-1.
        if (service.IsGlobal && regionEndpoint.PartitionName == "aws")
            return WithSigning($"https://{service.EndpointPrefix}.{dnsSuffix}", "us-east-1");
        return WithSigning($"https://{service.EndpointPrefix}.{region}.{dnsSuffix}", region);
    }

    // Written member by member: building the serializer's metadata for a dictionary of objects by reflection cost more
    // than the request being signed.
    private Endpoint WithSigning(string url, string? signingRegion)
    {
        var attributes = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(attributes))
        {
            json.WriteStartObject();
            json.WriteStartArray("authSchemes");
            json.WriteStartObject();
            json.WriteString("name", "sigv4");
            json.WriteString("signingName", service.SigningName);
            if (!string.IsNullOrEmpty(signingRegion)) json.WriteString("signingRegion", signingRegion);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return new Endpoint(url, Encoding.UTF8.GetString(attributes.WrittenSpan), null);
    }
}
