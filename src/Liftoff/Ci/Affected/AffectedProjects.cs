using Liftoff.Configuration;

namespace Liftoff.Ci.Affected;

/// <summary>
/// Which projects' inputs changed since a git ref: their folder, their template and function and front-end
/// sources wherever they live, and the shared inputs that feed every project (environments.yaml, the build and
/// Liftoff itself, the SDK and package pins, the bootstrap scripts, the parameter files).
/// </summary>
public static class AffectedProjects
{
    /// <summary>Inputs of every project: a change here affects them all.</summary>
    public static readonly IReadOnlyList<string> SharedInputs =
    [
        ConfigurationLoader.EnvironmentsFileName, "build/", "src/", "global.json", "Directory.Build.props", "Directory.Packages.props",
        "build.sh", "build.ps1", ".nuke/parameters",
    ];

    public static async Task<AffectedReport> FindAsync(
        string root, string? baseRef, LiftoffConfiguration configuration, CancellationToken cancellationToken)
    {
        var all = configuration.Builds(null);
        AffectedReport Everything(string note, string? mergeBase = null) => new(baseRef, mergeBase, true, note,
            all.Select(b => new AffectedProject(b.Project, [note])).ToList(), []);

        if (string.IsNullOrWhiteSpace(baseRef)) return Everything("no --base given: every project");
        if (GitChanges.IsNullCommit(baseRef)) return Everything($"the base {baseRef[..7]}… is git's null commit (a new branch): every project");
        if (await GitChanges.ResolveAsync(root, baseRef, cancellationToken) is not { } commit)
            return Everything($"'{baseRef}' names no commit in this clone (fetch more history, or check the name): every project");

        var mergeBase = await GitChanges.MergeBaseAsync(root, commit, cancellationToken);
        var changes = await GitChanges.SinceAsync(root, mergeBase, cancellationToken);
        var paths = changes.SelectMany(c => c.RenamedFrom is null ? [c.Path] : new[] { c.RenamedFrom, c.Path }).Distinct().ToList();

        if (paths.FirstOrDefault(IsShared) is { } shared)
            return Everything($"shared input changed: {shared}", mergeBase);

        var affected = all
            .Select(b => new AffectedProject(b.Project, paths.Where(p => InputsOf(root, b).Any(input => Under(p, input))).Order(StringComparer.Ordinal).ToList()))
            .Where(a => a.Reasons.Count > 0)
            .ToList();
        var known = all.Select(b => b.Project).ToHashSet(StringComparer.Ordinal);
        var removed = paths
            .Where(p => p.StartsWith(ConfigurationLoader.ProjectsFolder + "/", StringComparison.Ordinal))
            .Select(p => p.Split('/')[1])
            .Where(p => !known.Contains(p))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return new AffectedReport(baseRef, mergeBase, false, null, affected, removed);
    }

    private static bool IsShared(string path) =>
        SharedInputs.Any(input => input.EndsWith('/') ? path.StartsWith(input, StringComparison.Ordinal)
            : path == input || (input.StartsWith(".nuke/", StringComparison.Ordinal) && path.StartsWith(input, StringComparison.Ordinal)));

    /// <summary>The project's folder and whatever of its inputs lives outside it, relative to the root with '/'.</summary>
    private static IEnumerable<string> InputsOf(string root, ProjectBuild build) =>
        new[] { build.ProjectDirectory }
            .Concat(build.Templates)
            .Concat(build.Functions.Select(f => f.SourceDirectory))
            .Concat(build.Layers.Select(l => l.SourceDirectory))
            .Concat(build.FrontEnd is null ? [] : [build.FrontEnd.SourceDirectory])
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Distinct();

    private static bool Under(string path, string input) =>
        path == input || path.StartsWith(input + "/", StringComparison.Ordinal);
}
