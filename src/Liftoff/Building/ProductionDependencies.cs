using Liftoff.Configuration;
using System.Text.Json;

namespace Liftoff.Building;

/// <summary>
/// Stages the packages a function needs at run time: those package-lock.json (v2/v3) lists without the
/// dev or devOptional flag, copied from the node_modules `npm ci` filled. No second install, no network.
/// </summary>
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
            FileTree.CopyAll(from, Path.Combine(target, package.Name), boundary, prefix, cancellationToken, skipFolder: "node_modules");
            copied++;
        }
        return copied;
    }

    private static bool Flag(JsonElement package, string name) =>
        package.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
