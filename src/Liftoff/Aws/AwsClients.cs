using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFront;
using Liftoff.Aws.CloudWatch;
using Liftoff.Aws.CodePipeline;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Requests;
using Liftoff.Aws.Runtime;

namespace Liftoff.Aws;

/// <summary>
/// Every AWS client Liftoff uses for one <see cref="AwsConnection"/>, sharing one set of credentials and, for
/// Liftoff's own clients, one <see cref="RequestBudget"/> per service: whoever uses these clients (every project
/// deploying in parallel to this region and endpoint) shares the budget. The SDK's retries come first (standard by
/// default; AWS_RETRY_MODE=adaptive or retry_mode in the profile for client-side rate limiting; AWS_MAX_ATTEMPTS
/// for the attempt count, else at least <see cref="MinimumRetries"/> retries); the budget retries throttling beyond them.
/// </summary>
public sealed class AwsClients : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private AwsClients(AwsConnection connection, AWSCredentials credentials, RequestLimits limits)
    {
        Connection = connection;
        Sts = Own(new AmazonSecurityTokenServiceClient(credentials, Configure(new AmazonSecurityTokenServiceConfig())));
        CallerIdentity = new StsCallerIdentity(Sts);
        Lambda = Own(new AmazonLambdaClient(credentials, Configure(new AmazonLambdaConfig()), CallerIdentity,
            Own(new RequestBudget("Lambda", limits.Lambda))));
        CloudFormation = Own(new AmazonCloudFormationClient(credentials, Configure(new AmazonCloudFormationConfig()), CallerIdentity,
            Own(new RequestBudget("CloudFormation", limits.CloudFormation))));
        CloudFront = Own(new AmazonCloudFrontClient(credentials, Configure(new AmazonCloudFrontConfig()), CallerIdentity,
            Own(new RequestBudget("CloudFront", limits.CloudFront))));
        CodePipeline = Own(new AmazonCodePipelineClient(credentials, Configure(new AmazonCodePipelineConfig()), CallerIdentity,
            Own(new RequestBudget("CodePipeline", limits.CodePipeline))));
        CloudWatch = Own(new AmazonCloudWatchClient(credentials, Configure(new AmazonCloudWatchConfig()), CallerIdentity,
            Own(new RequestBudget("CloudWatch", limits.CloudWatch))));
        var s3Config = Configure(new AmazonS3Config());
        // Local emulators serve buckets under the path, not as bucket.host subdomains.
        s3Config.ForcePathStyle = s3Config.ServiceURL is not null;
        S3 = Own(new Storage.LiftoffS3Client(credentials, s3Config));
        DynamoDB = Own(new AmazonDynamoDBClient(credentials, Configure(new AmazonDynamoDBConfig())));
    }

    public AwsConnection Connection { get; }
    public IAmazonLambda Lambda { get; }
    public IAmazonCloudFormation CloudFormation { get; }
    public IAmazonCloudFront CloudFront { get; }
    public IAmazonCodePipeline CodePipeline { get; }
    public IAmazonCloudWatch CloudWatch { get; }
    public IAmazonS3 S3 { get; }
    public IAmazonSecurityTokenService Sts { get; }
    public IAmazonDynamoDB DynamoDB { get; }
    /// <summary>Who these clients act as (STS GetCallerIdentity, asked once).</summary>
    public ICallerIdentity CallerIdentity { get; }

    /// <summary>
    /// Clients for the connection, with credentials from the SDK (or <paramref name="credentials"/>: the run's, or a
    /// test's) and the request budgets of <paramref name="limits"/> (when null: <see cref="RequestLimits.Default"/>, or
    /// <see cref="RequestLimits.Local"/> for a local AWS, which has no per-account rates to keep within).
    /// </summary>
    /// <param name="secret">Told every key, secret and session token the clients sign with, for the output masker.</param>
    /// <exception cref="AwsCredentialsException">No credentials, or the profile does not exist.</exception>
    public static AwsClients Create(AwsConnection connection, AWSCredentials? credentials = null, RequestLimits? limits = null,
        Action<string>? secret = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var resolved = credentials ?? AwsCredentialsResolver.Resolve(connection);
        return new AwsClients(connection, secret is null ? resolved : new ReportedCredentials(resolved, secret), limits ?? (connection.IsLocal ? RequestLimits.Local : RequestLimits.Default));
    }

    /// <summary>
    /// Retries of a call that failed in transit or with a server error (5xx, a reset connection), unless
    /// AWS_MAX_ATTEMPTS says otherwise: a deploy stopped half way by one unlucky call costs far more than a few seconds
    /// of backoff. With the SDK's default (standard mode, 2 retries) one call in 125 gives up when one request in five
    /// fails; with 6, one in 78,000.
    /// </summary>
    public const int MinimumRetries = 6;

    private T Configure<T>(T config) where T : ClientConfig
    {
        if (Environment.GetEnvironmentVariable("AWS_MAX_ATTEMPTS") is null && config.MaxErrorRetry < MinimumRetries)
            config.MaxErrorRetry = MinimumRetries;
        if (Connection.Profile is { } profile)
            config.Profile = new Profile(profile);
        if (Connection.EndpointUrl is { } endpoint)
            config.ServiceURL = endpoint;
        else
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Connection.Region);
        // Reading ServiceURL lets the SDK apply AWS_ENDPOINT_URL(_<SERVICE>) / endpoint_url; an endpoint
        // of its own clears the region, which then only decides the signature's scope.
        if (config.ServiceURL is not null)
            config.AuthenticationRegion = Connection.Region;
        return config;
    }

    private T Own<T>(T client) where T : IDisposable
    {
        _owned.Add(client);
        return client;
    }

    public void Dispose()
    {
        foreach (var client in _owned)
            client.Dispose();
        _owned.Clear();
    }
}
