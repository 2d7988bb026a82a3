using Liftoff.Configuration;
using Liftoff.Packaging.Zip;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Liftoff.Packaging;

/// <summary>
/// Decides which files of a staging folder go into an artifact, and checks each one is safe to ship:
/// symlinks are followed when they stay inside the repository (or, without one, the staging or project folder) and
/// refused otherwise.
/// A file is packaged when an include matches it (no includes: every file), no exclude does, and it is
/// not one of the <see cref="DefaultExclusions"/> unless a narrower include than "**/*" names it.
/// </summary>
/// <remarks>
/// node_modules holds tens of thousands of files, so the tree is walked a level at a time and each
/// level's names are matched against the globs in one batch, and files are stat'ed in parallel.
/// </remarks>
public sealed class FileSelection
{
    /// <summary>
    /// Left out unless an include brings them back: version control, Python bytecode caches, source maps
    /// and the function's own tests. Dev dependencies are already absent: the builders stage production
    /// dependencies only. Test folders count at the top of the function only, since an npm package may
    /// well be called "test".
    /// </summary>
    public static IReadOnlyList<string> DefaultExclusions { get; } =
    [
        "**/.git/**", "**/.svn/**", "**/.hg/**",
        "**/__pycache__/**", "**/*.pyc", "**/*.pyo",
        "**/*.map",
        "test/**", "tests/**", "**/__tests__/**",
        "**/*.test.js", "**/*.test.mjs", "**/*.test.cjs", "**/*.test.ts",
        "**/*.spec.js", "**/*.spec.mjs", "**/*.spec.cjs", "**/*.spec.ts",
        "test_*.py", "**/test_*.py", "**/*_test.py", "**/conftest.py",
        "**/.DS_Store",
    ];

    private const string BatchRoot = "/liftoff-staging";
    private static readonly string[] CatchAll = ["**", "**/*", "./**", "./**/*"];
    private readonly Matcher? _included; // null: every file
    private readonly Matcher? _named; // the includes narrower than "**/*", which bring back default exclusions
    private readonly Matcher? _excluded;
    private readonly Matcher _defaults = Of(DefaultExclusions)!;
    private readonly Matcher? _excludedFolders; // the "folder/**" exclusions, which exclude a folder whole
    private readonly string[] _allowedRoots;
    private readonly string _outside;
    private readonly string _staging;
    private readonly int _parallelism;

    private sealed record Folder(string Path, string Prefix, string[] Ancestors);

    private sealed record Candidate(string Name, FileSystemInfo Info);

    private FileSelection(ArtifactRequest request, int parallelism)
    {
        _staging = request.StagingDirectory;
        _parallelism = parallelism;
        if (!Directory.Exists(_staging))
            throw new PackagingException($"The staging folder of {request.Name} does not exist: {_staging}. Run Compile first (Package depends on it), or check the function's source folder in project.yaml.");
        var named = request.Include.Where(p => !CatchAll.Contains(p.Trim())).ToList();
        _included = named.Count < request.Include.Count ? null : Of(request.Include); // a catch-all includes every file
        _named = Of(named);
        _excluded = Of(request.Exclude);
        // A folder is skipped whole when a "folder/**" exclude matches it, or a default one does and no
        // named include could bring back something inside it.
        _excludedFolders = Of(request.Exclude.Concat(named.Count == 0 ? DefaultExclusions : [])
            .Where(p => p.EndsWith("/**", StringComparison.Ordinal)));
        _allowedRoots = new[] { request.StagingDirectory, request.ProjectDirectory, request.SourceDirectory, request.RepositoryDirectory }
            .OfType<string>().Where(Directory.Exists).Select(RealPath.Of).ToArray();
        _outside = request.RepositoryDirectory is { } repository
            ? $"outside the repository ({repository})"
            : "outside the project and the function's source folder";
    }

    /// <summary>The files to package, sorted by entry name.</summary>
    public static IReadOnlyList<ZipEntrySource> Select(ArtifactRequest request, CancellationToken ct, int parallelism = 0)
    {
        var selection = new FileSelection(request, parallelism > 0 ? parallelism : Environment.ProcessorCount);
        var candidates = selection.Walk(RealPath.Of(request.StagingDirectory), ct);
        var kept = selection.Filter(candidates);
        var files = new ZipEntrySource?[kept.Count];
        Run(() => Parallel.For(0, kept.Count, new ParallelOptions { MaxDegreeOfParallelism = selection._parallelism, CancellationToken = ct },
            i => files[i] = selection.Describe(kept[i])));
        return files.OfType<ZipEntrySource>().OrderBy(f => f.Name, EntryName.Order).ToList();
    }

    private List<Candidate> Walk(string root, CancellationToken ct)
    {
        var candidates = new List<Candidate>();
        var level = new List<Folder> { new(root, "", [root]) };
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false };
        while (level.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var listed = new (List<Candidate> Files, List<(Folder Parent, DirectoryInfo Info, string Name)> Folders)[level.Count];
            var current = level;
            Run(() => Parallel.For(0, current.Count, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = ct },
                i => listed[i] = List(current[i], options)));
            candidates.AddRange(listed.SelectMany(l => l.Files));
            var subfolders = listed.SelectMany(l => l.Folders).ToList();
            var skipped = Matching(_excludedFolders, subfolders.Select(s => s.Name + "/x"));
            level = [];
            foreach (var (parent, info, name) in subfolders)
            {
                if (skipped.Contains(name + "/x")) continue;
                var path = info.FullName;
                if (info.Attributes.HasFlag(FileAttributes.ReparsePoint) && info.LinkTarget is not null)
                {
                    path = AllowedTarget(info, name);
                    if (parent.Ancestors.Any(a => string.Equals(a, path, RealPath.Comparison)))
                        throw new PackagingException($"'{name}' in {_staging} is a symlink to {path}, one of its own parent folders, which would repeat forever. Remove or exclude the link.");
                }
                level.Add(new Folder(path, name + "/", [.. parent.Ancestors, path]));
            }
        }
        return candidates;
    }

    private (List<Candidate>, List<(Folder, DirectoryInfo, string)>) List(Folder folder, EnumerationOptions options)
    {
        var files = new List<Candidate>();
        var folders = new List<(Folder, DirectoryInfo, string)>();
        try
        {
            foreach (var child in new DirectoryInfo(folder.Path).EnumerateFileSystemInfos("*", options))
            {
                var name = folder.Prefix + child.Name;
                if (child is DirectoryInfo directory) folders.Add((folder, directory, name));
                else files.Add(new Candidate(name, child));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackagingException($"Cannot list the folder '{folder.Prefix.TrimEnd('/')}' ({folder.Path}) in {_staging}: {e.Message} Make it readable or exclude it.", e);
        }
        return (files, folders);
    }

    /// <summary>Runs a Parallel loop, surfacing a user-facing failure as itself rather than wrapped.</summary>
    private static void Run(Action loop)
    {
        try { loop(); }
        catch (AggregateException e) when (e.InnerExceptions.OfType<PackagingException>().FirstOrDefault() is { } first)
        {
            throw first;
        }
    }

    private List<Candidate> Filter(List<Candidate> candidates)
    {
        var names = candidates.Select(c => c.Name).ToList();
        var included = _included is null ? null : Matching(_included, names);
        var excluded = Matching(_excluded, names);
        var defaults = Matching(_defaults, names);
        var named = Matching(_named, defaults);
        return candidates.Where(c =>
            (included?.Contains(c.Name) ?? true) && !excluded.Contains(c.Name) && (!defaults.Contains(c.Name) || named.Contains(c.Name))).ToList();
    }

    private static Matcher? Of(IEnumerable<string> patterns)
    {
        var list = patterns.ToList();
        if (list.Count == 0) return null;
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(list);
        return matcher;
    }

    private ZipEntrySource Describe(Candidate candidate)
    {
        var (name, info) = candidate;
        EntryName.Validate(name);
        var file = (FileInfo)info;
        if (info.Attributes.HasFlag(FileAttributes.ReparsePoint) && info.LinkTarget is not null)
        {
            file = new FileInfo(AllowedTarget(info, name));
            if (!file.Exists)
                throw new PackagingException($"'{name}' in {_staging} is a symlink to {file.FullName}, which does not exist, so it cannot be read. Fix the link or exclude it.");
        }
        try
        {
            var executable = !OperatingSystem.IsWindows() &&
                (file.UnixFileMode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
            return new ZipEntrySource(name, file.FullName, file.Length, executable) { ModifiedUtc = file.LastWriteTimeUtc };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackagingException($"Cannot read '{name}' ({file.FullName}): {e.Message} Make it readable or exclude it.", e);
        }
    }

    /// <summary>Where a symlink really leads, when that is inside the staging or project folder.</summary>
    private string AllowedTarget(FileSystemInfo link, string name)
    {
        var target = RealPath.Of(link.FullName);
        if (!_allowedRoots.Any(root => RealPath.IsInside(target, root)))
            throw new PackagingException(
                $"'{name}' in the staging folder {_staging} is a symlink to {target}, {_outside}. " +
                "Lambda gets no files from outside the artifact: copy what it needs into the staging folder, or exclude the link.");
        return target;
    }

    /// <summary>The names (relative, forward slashes) a matcher matches, in one pass over all of them.</summary>
    private static HashSet<string> Matching(Matcher? matcher, IEnumerable<string> names)
    {
        if (matcher is null) return [];
        var list = names.ToList();
        if (list.Count == 0) return [];
        return matcher.Match(BatchRoot, list).Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
    }
}
