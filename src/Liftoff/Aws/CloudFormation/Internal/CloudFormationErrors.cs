using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.CloudFormation.Internal;

internal static class CloudFormationErrors
{
    public static ServiceErrors Instance { get; } = new(
        (m, i, t, c, r, s) => new AmazonCloudFormationException(m, i, t, c, r, s),
        new Dictionary<string, ServiceExceptionFactory>
        {
            ["AlreadyExistsException"] = (m, i, t, c, r, s) => new AlreadyExistsException(m, i, t, c, r, s),
            ["ChangeSetNotFound"] = (m, i, t, c, r, s) => new ChangeSetNotFoundException(m, i, t, c, r, s),
            ["InsufficientCapabilitiesException"] = (m, i, t, c, r, s) => new InsufficientCapabilitiesException(m, i, t, c, r, s),
            ["InvalidChangeSetStatus"] = (m, i, t, c, r, s) => new InvalidChangeSetStatusException(m, i, t, c, r, s),
            ["LimitExceededException"] = (m, i, t, c, r, s) => new LimitExceededException(m, i, t, c, r, s),
            ["TokenAlreadyExistsException"] = (m, i, t, c, r, s) => new TokenAlreadyExistsException(m, i, t, c, r, s),
            ["StackNotFoundException"] = (m, i, t, c, r, s) => new StackNotFoundException(m, i, t, c, r, s),
        });
}
