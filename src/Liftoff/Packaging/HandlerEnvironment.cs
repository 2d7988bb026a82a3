namespace Liftoff.Packaging;

/// <summary>
/// The environment a handler is loaded in for the check: the one place that decides it. Lambda's, as
/// <see cref="LambdaEnvironment"/> builds it for the function (its name, region, memory and variables;
/// no credentials, no profile, no ~/.aws), with every other variable of this process removed.
/// </summary>
internal static class HandlerEnvironment
{
    /// <summary>The request's Lambda environment, or a plain one ({project}-{function} in us-east-1) for a request without one.</summary>
    public static LambdaEnvironment Of(ArtifactRequest request) =>
        request.Environment ?? new LambdaEnvironment($"{request.Project}-{request.Function}", "us-east-1", request.Runtime, request.Handler,
            128, new Dictionary<string, string>());

    /// <param name="home">An empty folder for HOME.</param>
    /// <param name="host">The machine's variables (this process's when null); only what locates programs passes.</param>
    public static IReadOnlyDictionary<string, string?> For(ArtifactRequest request, string taskRoot, string home, IReadOnlyDictionary<string, string>? host)
    {
        var variables = new Dictionary<string, string>(Of(request).For(taskRoot, home, host), StringComparer.Ordinal)
        {
            ["PYTHONDONTWRITEBYTECODE"] = "1", // the check loads from the staging folder: leave no __pycache__ there
        };
        // Lambda puts its layers' node_modules (/opt/nodejs/node_modules) on NODE_PATH; here they are the staged layers.
        if (request.LayerDirectories.Count > 0) variables["NODE_PATH"] = LayerPaths.NodePath(request);
        return LambdaEnvironment.Replacing(variables);
    }
}
