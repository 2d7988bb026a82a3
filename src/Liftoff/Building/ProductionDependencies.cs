using Liftoff.Configuration;
using System.Text.Json;

namespace Liftoff.Building;

/// <summary>
/// Stages the packages a function needs at run time: those package-lock.json (v2/v3) lists without the
/// dev or devOptional flag, linked from the node_modules `npm ci` filled. No second install, no network.
/// </summary>
/// <remarks>
/// Linked, not copied: node_modules holds thousands of files, and creating one costs about 0.1 ms here
/// (copying a 6,300-file tree took 2-5 s, more than the rest of Compile and Package together), where a
/// link per package takes a few milliseconds. Package follows links into the function's source folder,
/// and its handler check runs node with --preserve-symlinks, so both see each package where the artifact
/// puts it. Where links cannot be made (Windows without the privilege), packages are copied.
/// </remarks>
internal static class ProductionDependencies
{
    /// <returns>How many packages were staged.</returns>
    public static async Task<int> CopyAsync(string prefix, string source, string target, RepositoryBoundary boundary, CancellationToken cancellationToken)
    {
        var lockFile = Path.Combine(source, "package-lock.json");
        await using var stream = File.OpenRead(lockFile);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        if (!document.RootElement.TryGetProperty("packages", out var packages))
            throw new BuildStepException(
                $"[{prefix}] {lockFile} is a lockfileVersion 1 file, which does not say which packages are for development; " +
                "regenerate it with npm 7 or later (`npm install --package-lock-only`).");

        var copied = 0;
        foreach (var package in packages.EnumerateObject())
        {
            if (!package.Name.StartsWith("node_modules/", StringComparison.Ordinal)) continue;
            if (Flag(package.Value, "dev") || Flag(package.Value, "devOptional") || Flag(package.Value, "link")) continue;
            var from = Path.Combine(source, package.Name);
            if (!Directory.Exists(from))
            {
                // An optional package for another platform (esbuild's @esbuild/* binaries) is never installed.
                if (Flag(package.Value, "optional")) continue;
                throw new BuildStepException($"[{prefix}] {package.Name} is in package-lock.json but not installed; run `npm ci` in {source}.");
            }
            // Nested node_modules are packages of their own, listed (and judged) separately.
            FileTree.LinkOrCopy(from, Path.Combine(target, package.Name), boundary, prefix, cancellationToken, skipFolder: "node_modules");
            copied++;
        }
        return copied;
    }

    private static bool Flag(JsonElement package, string name) =>
        package.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
