using Amazon.Runtime;
using Liftoff.Aws;
using Liftoff.Engine;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Aws;

/// <summary>
/// Whatever found the credentials (the environment, a profile, SSO, a web identity), the key, secret and session token
/// the clients sign with are told to the masker as the SDK fetches them. Real requests to moto.
/// </summary>
public sealed class CredentialMaskingTests(MotoFixture moto) : IClassFixture<MotoFixture>
{
    [Fact]
    public async Task The_key_secret_and_session_token_a_request_is_signed_with_are_masked()
    {
        var masker = new SecretMasker();
        var credentials = new SessionAWSCredentials("AKIAEXAMPLEMASKED01", "secret/EXAMPLE+masked+key", "session-token-EXAMPLE-masked");
        using var clients = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, Profile: null), credentials, secret: masker.Add);

        Assert.True(masker.IsEmpty);
        await clients.S3.ListBucketsAsync();

        Assert.Equal($"{SecretMasker.Mask} {SecretMasker.Mask} {SecretMasker.Mask}",
            masker.Apply("AKIAEXAMPLEMASKED01 secret/EXAMPLE+masked+key session-token-EXAMPLE-masked"));
    }

    [Fact]
    public void For_a_local_AWS_the_runs_own_keys_are_used_not_the_processs()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIARUNKEY",
            ["AWS_SECRET_ACCESS_KEY"] = "run-secret",
            ["AWS_SESSION_TOKEN"] = "run-token",
        };

        var credentials = AwsCredentialsResolver.Resolve(new AwsConnection(moto.Region, moto.Endpoint, Profile: null), variables).GetCredentials();

        Assert.Equal(("AKIARUNKEY", "run-secret", "run-token"), (credentials.AccessKey, credentials.SecretKey, credentials.Token));
    }
}
