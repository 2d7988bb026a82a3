using Amazon.Runtime;

namespace Liftoff.Aws;

/// <summary>
/// Credentials that report each key, secret and session token to <paramref name="secret"/> as the SDK fetches them, so
/// whatever found them (the environment, a profile, SSO, a web identity, a refresh) their values are masked in all
/// output before any request could echo them back.
/// </summary>
internal sealed class ReportedCredentials(AWSCredentials inner, Action<string> secret) : AWSCredentials
{
    public override ImmutableCredentials GetCredentials() => Report(inner.GetCredentials());

    public override async Task<ImmutableCredentials> GetCredentialsAsync() => Report(await inner.GetCredentialsAsync().ConfigureAwait(false));

    private ImmutableCredentials Report(ImmutableCredentials credentials)
    {
        secret(credentials.AccessKey);
        secret(credentials.SecretKey);
        if (credentials.UseToken) secret(credentials.Token);
        return credentials;
    }
}
