using Liftoff.Packaging.Zip;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Liftoff.Packaging;

/// <summary>
/// Decides which files of a staging folder go into an artifact, and checks each one is safe to ship:
/// symlinks are followed when they stay inside the staging or project folder and refused otherwise.
/// A file is packaged when no exclusion matches it, or when an include does (includes win).
/// </summary>
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

    // A name no real pattern spells out: when it is excluded, everything in the folder is.
    private const string Probe = "\u0001\u0002\u0003";

    private readonly Matcher _excluded = new(StringComparison.Ordinal);
    private readonly Matcher? _included;
    private readonly string[] _allowedRoots;
    private readonly List<ZipEntrySource> _files = [];
    private readonly string _staging;

    private FileSelection(ArtifactRequest request)
    {
        _staging = request.StagingDirectory;
        if (!Directory.Exists(_staging))
            throw new PackagingException($"The staging folder of {request.Name} does not exist: {_staging}. Run Compile first (Package depends on it), or check the function's source folder in project.yaml.");
        _excluded.AddIncludePatterns(DefaultExclusions.Concat(request.Exclude));
        if (request.Include.Count > 0)
        {
            _included = new Matcher(StringComparison.Ordinal);
            _included.AddIncludePatterns(request.Include);
        }
        _allowedRoots = new[] { request.StagingDirectory, request.ProjectDirectory }
            .OfType<string>().Where(Directory.Exists).Select(RealPath.Of).ToArray();
    }

    /// <summary>The files to package, sorted by entry name.</summary>
    public static IReadOnlyList<ZipEntrySource> Select(ArtifactRequest request, CancellationToken ct)
    {
        var selection = new FileSelection(request);
        var root = RealPath.Of(request.StagingDirectory);
        selection.Walk(root, "", [root], ct);
        selection._files.Sort((a, b) => EntryName.Order.Compare(a.Name, b.Name));
        return selection._files;
    }

    private void Walk(string directory, string prefix, List<string> ancestors, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var children = new DirectoryInfo(directory)
            .EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false })
            .OrderBy(i => i.Name, StringComparer.Ordinal);
        foreach (var child in children)
        {
            var name = prefix + child.Name;
            if (child.Attributes.HasFlag(FileAttributes.ReparsePoint) && child.LinkTarget is not null) { FollowLink(child, name, ancestors, ct); continue; }
            if (child is DirectoryInfo)
            {
                if (!IsFolderExcluded(name)) Walk(child.FullName, name + "/", [.. ancestors, child.FullName], ct);
            }
            else if (IsIncluded(name))
            {
                Add(name, (FileInfo)child);
            }
        }
    }

    private void FollowLink(FileSystemInfo link, string name, List<string> ancestors, CancellationToken ct)
    {
        if (!IsIncluded(name) && IsFolderExcluded(name)) return;
        var target = RealPath.Of(link.FullName);
        if (!_allowedRoots.Any(root => RealPath.IsInside(target, root)))
            throw new PackagingException(
                $"'{name}' in the staging folder {_staging} is a symlink to {target}, outside the project. " +
                "Lambda gets no files from outside the artifact: copy what it needs into the staging folder, or exclude the link.");
        if (Directory.Exists(target))
        {
            if (IsFolderExcluded(name)) return;
            if (ancestors.Any(a => string.Equals(a, target, RealPath.Comparison)))
                throw new PackagingException($"'{name}' in {_staging} is a symlink to {target}, one of its own parent folders, which would repeat forever. Remove or exclude the link.");
            Walk(target, name + "/", [.. ancestors, target], ct);
        }
        else if (File.Exists(target))
        {
            if (IsIncluded(name)) Add(name, new FileInfo(target));
        }
        else if (IsIncluded(name))
        {
            throw new PackagingException($"'{name}' in {_staging} is a symlink to {target}, which does not exist, so it cannot be read. Fix the link or exclude it.");
        }
    }

    private void Add(string name, FileInfo file)
    {
        EntryName.Validate(name);
        UnixFileMode mode;
        try { mode = OperatingSystem.IsWindows() ? UnixFileMode.UserRead : file.UnixFileMode; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackagingException($"Cannot read '{name}' ({file.FullName}): {e.Message} Make it readable or exclude it.", e);
        }
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        _files.Add(new ZipEntrySource(name, file.FullName, file.Length, (mode & anyExecute) != 0));
    }

    private bool IsIncluded(string name) =>
        !_excluded.Match(name).HasMatches || (_included?.Match(name).HasMatches ?? false);

    // A folder is skipped whole only when no include could bring back something inside it.
    private bool IsFolderExcluded(string name) =>
        _included is null && _excluded.Match(name + "/" + Probe).HasMatches;
}
