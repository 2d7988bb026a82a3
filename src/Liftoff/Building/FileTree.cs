using Liftoff.Configuration;

namespace Liftoff.Building;

/// <summary>
/// Copies a source tree into a staging folder, leaving out what never belongs in a deployable package. Links are
/// followed only where they lead inside the repository (<see cref="RepositoryBoundary"/>): copying one that leads out
/// would put whatever it points at (~/.aws/credentials) into the artifact, so it stops the build, naming the link.
/// </summary>
internal static class FileTree
{
    /// <summary>Dependencies are staged separately (production ones only); caches and dot-folders never.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "node_modules", "__pycache__" };

    public static void Recreate(string directory)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
    }

    public static int CopySources(string source, string target, RepositoryBoundary boundary, string prefix,
        CancellationToken cancellationToken, Func<string, bool>? skipFile = null) =>
        CopySources(source, target, new Descent(boundary, prefix, [RealPath.Of(source)]), cancellationToken, skipFile);

    private static int CopySources(string source, string target, Descent descent, CancellationToken cancellationToken, Func<string, bool>? skipFile)
    {
        var copied = 0;
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.Name.StartsWith('.')) continue;
            var destination = Path.Combine(target, entry.Name);
            if (entry is DirectoryInfo directory)
            {
                if (SkippedFolders.Contains(directory.Name)) continue;
                var inner = descent.Enter(directory);
                Directory.CreateDirectory(destination);
                copied += CopySources(directory.FullName, destination, inner, cancellationToken, skipFile);
            }
            else if (skipFile?.Invoke(entry.Name) != true && !entry.Name.EndsWith(".pyc", StringComparison.Ordinal))
            {
                descent.Check(entry);
                File.Copy(entry.FullName, destination, overwrite: true);
                copied++;
            }
        }
        return copied;
    }

    /// <summary>Copies everything under source (dot-files too), optionally without one nested folder name.</summary>
    public static void CopyAll(string source, string target, RepositoryBoundary boundary, string prefix,
        CancellationToken cancellationToken, string? skipFolder = null)
    {
        var descent = new Descent(boundary, prefix, [RealPath.Of(source)]);
        descent.Check(new DirectoryInfo(source));
        CopyAll(source, target, descent, cancellationToken, skipFolder);
    }

    private static void CopyAll(string source, string target, Descent descent, CancellationToken cancellationToken, string? skipFolder)
    {
        Directory.CreateDirectory(target);
        foreach (var file in new DirectoryInfo(source).EnumerateFiles())
        {
            cancellationToken.ThrowIfCancellationRequested();
            descent.Check(file);
            File.Copy(file.FullName, Path.Combine(target, file.Name), overwrite: true);
        }
        foreach (var directory in new DirectoryInfo(source).EnumerateDirectories())
        {
            if (directory.Name == skipFolder) continue;
            CopyAll(directory.FullName, Path.Combine(target, directory.Name), descent.Enter(directory), cancellationToken, skipFolder);
        }
    }

    /// <summary>
    /// Where a copy has got to: the boundary it must stay inside and the real paths of the folders it is in (a link to
    /// one of them would never end). The first is the real path of where the copy started.
    /// </summary>
    private sealed record Descent(RepositoryBoundary Boundary, string Prefix, IReadOnlyList<string> Ancestors)
    {
        /// <summary>A link must lead inside the repository; anything else is copied as it is.</summary>
        public void Check(FileSystemInfo entry)
        {
            if (entry.LinkTarget is null) return;
            if (Boundary.EscapeOf(entry.FullName) is { } escape)
                throw new BuildStepException(
                    $"[{Prefix}] {escape}. Liftoff ships only files from inside the repository: copy what the function needs into it, or remove the link.");
        }

        public Descent Enter(DirectoryInfo directory)
        {
            Check(directory);
            if (directory.LinkTarget is null) return this with { Ancestors = [.. Ancestors, Path.Combine(Ancestors[^1], directory.Name)] };
            var real = RealPath.Of(directory.FullName);
            if (Ancestors.Any(a => string.Equals(a, real, RealPath.Comparison)))
                throw new BuildStepException(
                    $"[{Prefix}] '{Boundary.Relative(directory.FullName)}' is a symlink to {real}, a folder above it, so copying it would never end. Remove the link.");
            return this with { Ancestors = [.. Ancestors, real] };
        }
    }

    /// <summary>
    /// Makes <paramref name="target"/> show what <paramref name="source"/> holds, without <paramref name="skipFolder"/>:
    /// one symlink to the whole folder when it has no such subfolder, else a folder of links to its other
    /// children. Copies (<see cref="CopyAll"/>) where symlinks cannot be made. The source must be inside the repository
    /// (`npm link` leads out of it); Package checks each file the links lead to.
    /// </summary>
    public static void LinkOrCopy(string source, string target, RepositoryBoundary boundary, string prefix,
        CancellationToken cancellationToken, string skipFolder)
    {
        new Descent(boundary, prefix, []).Check(new DirectoryInfo(source));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            if (!Directory.Exists(Path.Combine(source, skipFolder)))
            {
                Link(target, source);
                return;
            }
            Directory.CreateDirectory(target);
            foreach (var child in new DirectoryInfo(source).EnumerateFileSystemInfos())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (child.Name != skipFolder) Link(Path.Combine(target, child.Name), child.FullName);
            }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            CopyAll(source, target, boundary, prefix, cancellationToken, skipFolder);
        }
    }

    /// <summary>A relative link, so the staging folder still works when the repository is moved or mounted elsewhere.</summary>
    private static void Link(string link, string target)
    {
        var relative = Path.GetRelativePath(Path.GetDirectoryName(link)!, target);
        if (Directory.Exists(target)) Directory.CreateSymbolicLink(link, relative);
        else File.CreateSymbolicLink(link, relative);
    }
}
