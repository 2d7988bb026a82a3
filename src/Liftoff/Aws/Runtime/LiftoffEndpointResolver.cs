using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace Liftoff.Aws.Runtime;

/// <summary>
/// The pipeline step that hands the client's region and configured endpoint to
/// <see cref="RegionalEndpointProvider"/>, like each official client's generated EndpointResolver.
/// </summary>
public sealed class LiftoffEndpointResolver : BaseEndpointResolver
{
    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
    {
        var config = requestContext.ClientConfig;
        var parameters = new EndpointParameters();
        // With a ServiceURL the SDK clears RegionEndpoint; the region then lives in AuthenticationRegion.
        parameters[RegionalEndpointProvider.RegionParameter] =
            requestContext.Request.AlternateEndpoint?.SystemName
            ?? config.RegionEndpoint?.SystemName
            ?? config.AuthenticationRegion;
        parameters[RegionalEndpointProvider.EndpointParameter] = config.ServiceURL;
        return parameters;
    }
}
