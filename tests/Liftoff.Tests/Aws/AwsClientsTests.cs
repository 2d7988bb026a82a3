using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Liftoff.Aws;
using Liftoff.Aws.CloudFront;
using Liftoff.Aws.CloudWatch;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Aws;

/// <summary>These tests change process-wide AWS_* variables, so nothing else may run beside them.</summary>
[CollectionDefinition(nameof(AwsEnvironmentVariables), DisableParallelization = true)]
public sealed class AwsEnvironmentVariables;

/// <summary>How <see cref="AwsClients"/> finds endpoints and credentials: the SDK's own rules, plus Liftoff's connection.</summary>
[Collection(nameof(AwsEnvironmentVariables))]
public sealed class AwsClientsTests(MotoFixture moto) : IClassFixture<MotoFixture>
{
    [Theory]
    [InlineData("lambda", "eu-west-1", "https://lambda.eu-west-1.amazonaws.com/", "eu-west-1")]
    [InlineData("lambda", "cn-north-1", "https://lambda.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("monitoring", "us-gov-west-1", "https://monitoring.us-gov-west-1.amazonaws.com/", "us-gov-west-1")]
    [InlineData("cloudfront", "eu-west-1", "https://cloudfront.amazonaws.com/", "us-east-1")]
    public void Without_an_endpoint_requests_go_to_the_services_regional_endpoint_signed_for_its_region(
        string service, string region, string url, string signingRegion)
    {
        ClientConfig config = service switch
        {
            "lambda" => new AmazonLambdaConfig(),
            "monitoring" => new AmazonCloudWatchConfig(),
            _ => new AmazonCloudFrontConfig(),
        };
        config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);

        var endpoint = config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new GetFunctionRequest()));

        Assert.Equal(url, endpoint.URL);
        var scheme = (PropertyBag)((System.Collections.IList)endpoint.Attributes["authSchemes"])[0]!;
        Assert.Equal((service, signingRegion), ((string)scheme["signingName"], (string)scheme["signingRegion"]));
    }

    [Fact]
    public async Task AWS_ENDPOINT_URL_LAMBDA_sends_Lambda_there_as_the_SDK_does()
    {
        using var _ = new EnvironmentVariable("AWS_ENDPOINT_URL_LAMBDA", moto.Endpoint);
        using var aws = AwsClients.Create(new AwsConnection(moto.Region, null, null));

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            aws.Lambda.GetFunctionAsync(new GetFunctionRequest { FunctionName = "cards-dev-lambda-none" }));

        Assert.Contains($"arn:aws:lambda:{moto.Region}:", error.Message); // moto answered, so the variable was honoured
    }

    [Fact]
    public async Task An_explicit_endpoint_wins_over_AWS_ENDPOINT_URL()
    {
        using var _ = new EnvironmentVariable("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        using var aws = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));

        var identity = await aws.CallerIdentity.GetCallerArnAsync(CancellationToken.None);

        Assert.StartsWith("arn:aws:sts::123456789012:", identity);
    }

    [Fact]
    public async Task A_local_endpoint_works_without_any_credentials_configured()
    {
        using var key = new EnvironmentVariable("AWS_ACCESS_KEY_ID", null);
        using var secret = new EnvironmentVariable("AWS_SECRET_ACCESS_KEY", null);
        using var aws = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));

        var stacks = await aws.CloudFormation.DescribeStacksAsync(new Liftoff.Aws.CloudFormation.Model.DescribeStacksRequest());

        Assert.NotNull(stacks.Stacks);
    }

    [Fact]
    public void A_named_profile_supplies_the_credentials()
    {
        var directory = Directory.CreateTempSubdirectory("liftoff-profiles-");
        try
        {
            var credentials = Path.Combine(directory.FullName, "credentials");
            File.WriteAllText(credentials, "[release]\naws_access_key_id = AKIALIFTOFFRELEASE01\naws_secret_access_key = not-a-real-secret\n");

            var resolved = AwsCredentialsResolver.Resolve(new AwsConnection("eu-west-1", null, "release"), credentials);
            var missing = Assert.Throws<AwsCredentialsException>(() => AwsCredentialsResolver.Resolve(new AwsConnection("eu-west-1", null, "relaese"), credentials));

            Assert.Equal("AKIALIFTOFFRELEASE01", resolved.GetCredentials().AccessKey);
            Assert.Contains("'relaese'", missing.Message);
            Assert.Contains("Known profiles: release", missing.Message);
            Assert.Contains("aws configure", missing.Message);
            Assert.DoesNotContain("not-a-real-secret", missing.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentVariable(string name, string? value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}
