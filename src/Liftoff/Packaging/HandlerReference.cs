namespace Liftoff.Packaging;

public enum HandlerRuntime { Node, Python, Other }

/// <summary>
/// A Lambda handler string read the way the runtime reads it: which module file to load and which
/// export (attribute) inside it to call.
/// </summary>
/// <param name="ModulePath">Module path relative to the artifact root, forward slashes, no extension.</param>
/// <param name="Export">Export (Node, may be dotted: "handlers.get") or attribute (Python) to call.</param>
/// <param name="Candidates">Files that can hold the module, in the order the runtime tries them.</param>
public sealed record HandlerReference(HandlerRuntime Runtime, string ModulePath, string Export, IReadOnlyList<string> Candidates)
{
    public static HandlerRuntime RuntimeOf(string runtime) =>
        runtime.StartsWith("nodejs", StringComparison.OrdinalIgnoreCase) ? HandlerRuntime.Node
        : runtime.StartsWith("python", StringComparison.OrdinalIgnoreCase) ? HandlerRuntime.Python
        : HandlerRuntime.Other;

    /// <summary>Null for runtimes Liftoff does not load (provided.*, java, dotnet).</summary>
    public static HandlerReference? Parse(string runtime, string handler, string artifact)
    {
        var kind = RuntimeOf(runtime);
        if (kind == HandlerRuntime.Other) return null;
        var slash = handler.LastIndexOf('/');
        // Node takes the module up to the first '.' after the last '/' (index.handlers.get → index,
        // handlers.get); Python takes everything before the last '.' (pkg.mod.handler → pkg/mod, handler).
        var dot = kind == HandlerRuntime.Node ? handler.IndexOf('.', slash + 1) : handler.LastIndexOf('.');
        if (dot <= slash + 1 || dot == handler.Length - 1)
            throw new PackagingException($"The handler '{handler}' of {artifact} is not '<module>.<function>' (for example index.handler or app.lambda_handler). Fix it in project.yaml.");
        var module = handler[..dot];
        var export = handler[(dot + 1)..];
        if (kind == HandlerRuntime.Node)
            return new HandlerReference(kind, module, export, [$"{module}.js", $"{module}.mjs", $"{module}.cjs"]);
        var path = module.Replace('.', '/');
        return new HandlerReference(kind, path, export, [$"{path}.py", $"{path}/__init__.py"]);
    }

    /// <summary>The module name Python imports (dots, not slashes).</summary>
    public string PythonModule => ModulePath.Replace('/', '.');
}
