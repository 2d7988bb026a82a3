using Liftoff.Aws.Lambda.Model;
using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.Lambda.Internal;

internal static class LambdaErrors
{
    public static ServiceErrors Instance { get; } = new(
        (m, i, t, c, r, s) => new AmazonLambdaException(m, i, t, c, r, s),
        new Dictionary<string, ServiceExceptionFactory>
        {
            ["ResourceNotFoundException"] = (m, i, t, c, r, s) => new ResourceNotFoundException(m, i, t, c, r, s),
            ["ResourceConflictException"] = (m, i, t, c, r, s) => new ResourceConflictException(m, i, t, c, r, s),
            ["PreconditionFailedException"] = (m, i, t, c, r, s) => new PreconditionFailedException(m, i, t, c, r, s),
            ["InvalidParameterValueException"] = (m, i, t, c, r, s) => new InvalidParameterValueException(m, i, t, c, r, s),
            ["TooManyRequestsException"] = (m, i, t, c, r, s) => new TooManyRequestsException(m, i, t, c, r, s),
            ["CodeStorageExceededException"] = (m, i, t, c, r, s) => new CodeStorageExceededException(m, i, t, c, r, s),
            ["ServiceException"] = (m, i, t, c, r, s) => new ServiceException(m, i, t, c, r, s),
        });
}
