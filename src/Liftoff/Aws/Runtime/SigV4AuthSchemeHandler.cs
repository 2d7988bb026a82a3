using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace Liftoff.Aws.Runtime;

/// <summary>
/// Answers the SDK's auth-scheme question for every operation: SigV4. Without this handler the SDK's
/// signer has no scheme and fails (the official clients add a generated equivalent after the Marshaller).
/// </summary>
public sealed class SigV4AuthSchemeHandler : BaseAuthResolverHandler
{
    protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) =>
        AuthSchemeOption.DEFAULT_SIGV4;
}
