using System.Text.Json;
using Liftoff.Configuration;

namespace Liftoff.Building;

/// <summary>
/// The files esbuild put into a bundle, from its metafile: each must be inside the repository. esbuild follows
/// symlinks when it resolves an import, so a linked folder could otherwise carry any readable file into the artifact.
/// </summary>
internal static class BundleInputs
{
    /// <summary>Where the TypeScript builder has esbuild write a function's metafile.</summary>
    public static string MetafileFor(string rootDirectory, string project, string function) =>
        Path.Combine(rootDirectory, ".nuke", "temp", "esbuild", project, function + ".meta.json");

    /// <summary>The files the last bundle read from outside <paramref name="workingDirectory"/> (shared code elsewhere in the repository).</summary>
    public static IReadOnlyList<string> OutsideOf(string workingDirectory, string metafile)
    {
        using var meta = JsonDocument.Parse(File.ReadAllBytes(metafile));
        if (!meta.RootElement.TryGetProperty("inputs", out var inputs)) return [];
        var inside = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workingDirectory)) + Path.DirectorySeparatorChar;
        return inputs.EnumerateObject()
            .Where(input => !input.Name.StartsWith('<') && !input.Name.StartsWith('('))
            .Select(input => Path.GetFullPath(Path.Combine(workingDirectory, input.Name)))
            .Where(path => !path.StartsWith(inside, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static async Task CheckAsync(string project, string function, string workingDirectory, string metafile,
        RepositoryBoundary boundary, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(metafile);
        using var meta = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        if (!meta.RootElement.TryGetProperty("inputs", out var inputs)) return;
        foreach (var input in inputs.EnumerateObject())
        {
            // Virtual modules ("<stdin>", "(disabled):fs") are not files.
            if (input.Name.StartsWith('<') || input.Name.StartsWith('(')) continue;
            var path = Path.GetFullPath(Path.Combine(workingDirectory, input.Name));
            if (boundary.EscapeOf(path) is { } escape)
                throw new BuildStepException(
                    $"[{project}] {function}: the bundle would include {escape}, reached by an import (esbuild follows symlinks). " +
                    "Liftoff ships only files from inside the repository: copy the module into it, or remove the link.");
        }
    }
}
