using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Liftoff.Aws;

/// <summary>
/// Finds credentials the way the SDK does (its default chain, or a named profile through its
/// CredentialProfileStoreChain); Liftoff never reads credential files or signs requests itself.
/// </summary>
public static class AwsCredentialsResolver
{
    /// <param name="variables">
    /// The run's environment, for a local AWS (an in-process run's differs from the process's); null reads the process's.
    /// For AWS itself the SDK's chain reads the process's environment, as it always does.
    /// </param>
    public static AWSCredentials Resolve(AwsConnection connection, IReadOnlyDictionary<string, string>? variables = null) =>
        Resolve(connection, profilesLocation: null, variables);

    /// <param name="profilesLocation">
    /// The shared credentials file to read profiles from instead of the SDK's default (~/.aws/credentials,
    /// or AWS_SHARED_CREDENTIALS_FILE as it was when the process started: the SDK reads it once).
    /// </param>
    internal static AWSCredentials Resolve(AwsConnection connection, string? profilesLocation,
        IReadOnlyDictionary<string, string>? variables = null)
    {
        if (connection.Profile is { } profile)
            return FromProfile(profile, profilesLocation);
        if (connection.IsLocal)
            return ForLocal(profilesLocation, name => variables is null ? Environment.GetEnvironmentVariable(name) : variables.GetValueOrDefault(name));
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException e)
        {
            throw new AwsCredentialsException(
                $"No AWS credentials found for region {connection.Region}. Liftoff looked where the AWS SDK looks: " +
                "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or the default profile (~/.aws/config, ~/.aws/credentials, SSO), " +
                "web identity (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE, as in GitHub Actions), container and instance credentials. " +
                "Sign in (`aws sso login --profile NAME`) and pass --aws-profile NAME, or export credentials.", e);
        }
    }

    /// <summary>
    /// A local AWS (moto, LocalStack) accepts any key, so developers need not configure one. Keys in the
    /// environment or the AWS_PROFILE/default profile are still used (LocalStack can read an account from them);
    /// the rest of the SDK's chain is not asked: its instance-metadata probe costs about a second off EC2.
    /// </summary>
    private static AWSCredentials ForLocal(string? profilesLocation, Func<string, string?> variable)
    {
        if (variable("AWS_ACCESS_KEY_ID") is { Length: > 0 } key && variable("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } secret)
            return variable("AWS_SESSION_TOKEN") is { Length: > 0 } token
                ? new SessionAWSCredentials(key, secret, token)
                : new BasicAWSCredentials(key, secret);
        var store = profilesLocation is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(profilesLocation);
        var profile = variable("AWS_PROFILE") is { Length: > 0 } named ? named : "default";
        return store.TryGetAWSCredentials(profile, out var credentials)
            ? credentials
            : new BasicAWSCredentials("liftoff-local", "liftoff-local");
    }

    private static AWSCredentials FromProfile(string profile, string? profilesLocation)
    {
        var store = profilesLocation is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(profilesLocation);
        if (store.TryGetAWSCredentials(profile, out var credentials))
            return credentials;
        var known = store.ListProfiles().Select(p => p.Name).Distinct().Order().ToList();
        throw new AwsCredentialsException(
            $"AWS profile '{profile}' (--aws-profile) was not found or has no usable credentials in ~/.aws/config or ~/.aws/credentials. " +
            (known.Count == 0 ? "No profiles are configured. " : $"Known profiles: {string.Join(", ", known)}. ") +
            $"Create it with `aws configure --profile {profile}` or `aws configure sso --profile {profile}`.");
    }
}
