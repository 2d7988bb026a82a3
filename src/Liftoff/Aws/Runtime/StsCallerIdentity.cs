using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Liftoff.Aws.Runtime;

/// <summary>Asks STS once per client set who the caller is; failures become "unknown caller".</summary>
public sealed class StsCallerIdentity(IAmazonSecurityTokenService sts) : ICallerIdentity
{
    private Task<string?>? _arn;

    public Task<string?> GetCallerArnAsync(CancellationToken cancellationToken)
    {
        // A cancelled look-up is not an answer: the next caller asks again.
        if (_arn is null || _arn.IsCanceled)
            _arn = LookUpAsync(cancellationToken);
        return _arn;
    }

    private async Task<string?> LookUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken)).Arn;
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            return null;
        }
    }
}
