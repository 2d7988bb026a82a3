using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace Liftoff.Aws.Runtime;

/// <summary>
/// The ClientConfig of one Liftoff client: everything the SDK's pipeline reads (region, ServiceURL and
/// the AWS_ENDPOINT_URL_* variables, retry mode, timeouts, signing name) comes from the SDK's own base class.
/// </summary>
public abstract class LiftoffClientConfig : ClientConfig
{
    private static readonly string UserAgentString = InternalSDKUtils.BuildUserAgentString("liftoff");

    protected LiftoffClientConfig(AwsServiceDefinition service)
        : base(new DefaultConfigurationProvider(SdkDefaultConfigurations.All))
    {
        Service = service;
        // Setting ServiceId lets the SDK find AWS_ENDPOINT_URL_<SERVICE> / endpoint_url in the shared config.
        ServiceId = service.ServiceId;
        AuthenticationServiceName = service.SigningName;
        EndpointProvider = new RegionalEndpointProvider(service);
    }

    public AwsServiceDefinition Service { get; }

    public override string RegionEndpointServiceName => Service.EndpointPrefix;

    public override string ServiceVersion => Service.ApiVersion;

    public override string UserAgent => UserAgentString;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        var requestContext = new RequestContext(false)
        {
            ClientConfig = this,
            OriginalRequest = parameters.Request,
            Request = new DefaultRequest(parameters.Request, ServiceId) { AlternateEndpoint = parameters.AlternateEndpoint },
        };
        return new LiftoffEndpointResolver().GetEndpoint(new Amazon.Runtime.Internal.ExecutionContext(requestContext, null));
    }
}
