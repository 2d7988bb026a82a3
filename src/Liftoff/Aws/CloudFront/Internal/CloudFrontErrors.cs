using Liftoff.Aws.CloudFront.Model;
using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.CloudFront.Internal;

internal static class CloudFrontErrors
{
    public static ServiceErrors Instance { get; } = new(
        (m, i, t, c, r, s) => new AmazonCloudFrontException(m, i, t, c, r, s),
        new Dictionary<string, ServiceExceptionFactory>
        {
            ["NoSuchDistribution"] = (m, i, t, c, r, s) => new NoSuchDistributionException(m, i, t, c, r, s),
            ["NoSuchInvalidation"] = (m, i, t, c, r, s) => new NoSuchInvalidationException(m, i, t, c, r, s),
            ["TooManyInvalidationsInProgress"] = (m, i, t, c, r, s) => new TooManyInvalidationsInProgressException(m, i, t, c, r, s),
            ["BatchTooLarge"] = (m, i, t, c, r, s) => new BatchTooLargeException(m, i, t, c, r, s),
            ["InvalidArgument"] = (m, i, t, c, r, s) => new InvalidArgumentException(m, i, t, c, r, s),
        });
}
