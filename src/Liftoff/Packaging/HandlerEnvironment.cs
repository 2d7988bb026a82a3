namespace Liftoff.Packaging;

/// <summary>
/// The environment a handler is loaded in for the check: the one place that decides it, so making it
/// Lambda's (region, the function's own variables, no credentials) is a change here alone.
/// </summary>
internal static class HandlerEnvironment
{
    public static IReadOnlyDictionary<string, string?> For(ArtifactRequest request, string taskRoot) => new Dictionary<string, string?>
    {
        ["LAMBDA_TASK_ROOT"] = taskRoot,
        ["AWS_LAMBDA_FUNCTION_NAME"] = $"{request.Project}-{request.Function}",
        ["AWS_REGION"] = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
    };
}
