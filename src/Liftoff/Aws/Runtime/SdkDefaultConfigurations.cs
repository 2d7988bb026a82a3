using System.Collections.ObjectModel;
using Amazon.Runtime;

namespace Liftoff.Aws.Runtime;

/// <summary>
/// The SDK's defaults modes (AWS_DEFAULTS_MODE / defaults_mode), with the values every generated
/// official client carries: standard retries everywhere, connect timeouts by mode.
/// </summary>
internal static class SdkDefaultConfigurations
{
    public static ReadOnlyCollection<IDefaultConfiguration> All { get; } = new List<IDefaultConfiguration>
    {
        Mode(DefaultConfigurationMode.Standard, 3.1),
        Mode(DefaultConfigurationMode.InRegion, 1.1),
        Mode(DefaultConfigurationMode.CrossRegion, 3.1),
        Mode(DefaultConfigurationMode.Mobile, 30),
        Mode(DefaultConfigurationMode.Auto, 1.1),
    }.AsReadOnly();

    private static DefaultConfiguration Mode(DefaultConfigurationMode name, double connectSeconds) => new()
    {
        Name = name,
        RetryMode = RequestRetryMode.Standard,
        S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
        ConnectTimeout = TimeSpan.FromSeconds(connectSeconds),
        TlsNegotiationTimeout = TimeSpan.FromSeconds(connectSeconds),
    };
}
