using Liftoff.Aws.CodePipeline.Model;
using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.CodePipeline.Internal;

internal static class CodePipelineErrors
{
    public static ServiceErrors Instance { get; } = new(
        (m, i, t, c, r, s) => new AmazonCodePipelineException(m, i, t, c, r, s),
        new Dictionary<string, ServiceExceptionFactory>
        {
            ["PipelineNotFoundException"] = (m, i, t, c, r, s) => new PipelineNotFoundException(m, i, t, c, r, s),
            ["PipelineExecutionNotFoundException"] = (m, i, t, c, r, s) => new PipelineExecutionNotFoundException(m, i, t, c, r, s),
            ["StageNotFoundException"] = (m, i, t, c, r, s) => new StageNotFoundException(m, i, t, c, r, s),
            ["ActionNotFoundException"] = (m, i, t, c, r, s) => new ActionNotFoundException(m, i, t, c, r, s),
            ["ApprovalAlreadyCompletedException"] = (m, i, t, c, r, s) => new ApprovalAlreadyCompletedException(m, i, t, c, r, s),
            ["InvalidApprovalTokenException"] = (m, i, t, c, r, s) => new InvalidApprovalTokenException(m, i, t, c, r, s),
            ["ValidationException"] = (m, i, t, c, r, s) => new ValidationException(m, i, t, c, r, s),
            ["ConflictException"] = (m, i, t, c, r, s) => new ConflictException(m, i, t, c, r, s),
            ["ConcurrentPipelineExecutionsLimitExceededException"] = (m, i, t, c, r, s) => new ConcurrentPipelineExecutionsLimitExceededException(m, i, t, c, r, s),
        });
}
