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
}
