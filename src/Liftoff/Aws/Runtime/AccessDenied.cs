using Amazon.Runtime;

namespace Liftoff.Aws.Runtime;

/// <summary>
/// Recognises the services' access-denied answers and rewrites their message so that it names what was
/// attempted, on what, and by whom: the three things a user needs to fix a policy.
/// </summary>
public static class AccessDenied
{
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "AccessDeniedError", "UnauthorizedOperation", "AuthorizationError",
    };

    public static bool Is(AmazonServiceException exception) =>
        exception.ErrorCode is { } code && Codes.Contains(code);

    public static string Describe(string action, string? resource, string? caller, string serviceMessage) =>
        $"Access denied: {action} on {resource ?? "(no single resource)"} as {caller ?? "(caller unknown: STS GetCallerIdentity failed)"}. " +
        $"AWS said: {serviceMessage} Grant that permission to the caller, or choose other credentials " +
        "(--aws-profile, AWS_PROFILE, or the CI role of the environment).";
}
