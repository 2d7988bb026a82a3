namespace Liftoff.Aws;

/// <summary>
/// Where and as whom Liftoff talks to AWS for one environment.
/// </summary>
/// <param name="Region">The environment's region (environments.yaml).</param>
/// <param name="EndpointUrl">
/// One endpoint for every service (the local AWS, http://127.0.0.1:4566). When null, the SDK's own settings
/// apply: AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, endpoint_url in the shared config, else AWS.
/// </param>
/// <param name="Profile">
/// A named profile (--aws-profile) from ~/.aws/config or ~/.aws/credentials, SSO profiles included.
/// When null, the SDK's default chain: environment, AWS_PROFILE/default profile, web identity
/// (GitHub Actions OIDC), container credentials (CodeBuild), instance metadata.
/// </param>
public sealed record AwsConnection(string Region, string? EndpointUrl, string? Profile)
{
    /// <summary>True for an endpoint on this machine: a local AWS accepts any credentials.</summary>
    public bool IsLocal => IsLocalEndpoint(EndpointUrl);

    /// <summary>The one rule for "this endpoint is on this machine" (loopback or localhost).</summary>
    public static bool IsLocalEndpoint(string? endpointUrl) => endpointUrl is not null
        && Uri.TryCreate(endpointUrl, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || uri.Host == "localhost");
}
