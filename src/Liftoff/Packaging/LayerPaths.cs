namespace Liftoff.Packaging;

/// <summary>
/// Where Lambda finds the modules of a function's layers, which it extracts into /opt: Python searches
/// /opt/python and /opt/python/lib/pythonX.Y/site-packages after the function's own folder, Node.js
/// /opt/nodejs/node_modules (NODE_PATH). The handler check gives it the staged layers the same way.
/// </summary>
internal static class LayerPaths
{
    public static IEnumerable<string> Python(ArtifactRequest request) =>
        request.LayerDirectories.SelectMany(layer =>
        {
            var python = Path.Combine(layer, "python");
            var lib = Path.Combine(python, "lib");
            return Directory.Exists(lib)
                ? [python, .. Directory.GetDirectories(lib, "python3*").Select(v => Path.Combine(v, "site-packages"))]
                : new[] { python };
        });

    public static string NodePath(ArtifactRequest request) =>
        string.Join(Path.PathSeparator, request.LayerDirectories.Select(l => Path.Combine(l, "nodejs", "node_modules")));
}
