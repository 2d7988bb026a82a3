namespace Liftoff.Building;

/// <summary>Copies a source tree into a staging folder, leaving out what never belongs in a deployable package.</summary>
internal static class FileTree
{
    /// <summary>Dependencies are staged separately (production ones only); caches and dot-folders never.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "node_modules", "__pycache__" };

    public static void Recreate(string directory)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
    }

    public static int CopySources(string source, string target, CancellationToken cancellationToken, Func<string, bool>? skipFile = null)
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
                Directory.CreateDirectory(destination);
                copied += CopySources(directory.FullName, destination, cancellationToken, skipFile);
            }
            else if (skipFile?.Invoke(entry.Name) != true && !entry.Name.EndsWith(".pyc", StringComparison.Ordinal))
            {
                File.Copy(entry.FullName, destination, overwrite: true);
                copied++;
            }
        }
        return copied;
    }

    /// <summary>Copies everything under source (dot-files too), optionally without one nested folder name.</summary>
    public static void CopyAll(string source, string target, CancellationToken cancellationToken, string? skipFolder = null)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            cancellationToken.ThrowIfCancellationRequested();
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name == skipFolder) continue;
            CopyAll(directory, Path.Combine(target, name), cancellationToken, skipFolder);
        }
    }

    /// <summary>
    /// Makes <paramref name="target"/> show what <paramref name="source"/> holds, without <paramref name="skipFolder"/>:
    /// one symlink to the whole folder when it has no such subfolder, else a folder of links to its other
    /// children. Copies (<see cref="CopyAll"/>) where symlinks cannot be made.
    /// </summary>
    public static void LinkOrCopy(string source, string target, CancellationToken cancellationToken, string skipFolder)
    {
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
            CopyAll(source, target, cancellationToken, skipFolder);
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
