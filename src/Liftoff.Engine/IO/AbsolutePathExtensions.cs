using System.IO.Compression;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Liftoff.Engine.IO;

/// <summary>The file-system operations NUKE builds call on paths (NUKE 7 and later put them here, on the path itself).</summary>
public static class AbsolutePathExtensions
{
    public static bool Exists(this AbsolutePath path) => File.Exists(path) || Directory.Exists(path);
    public static bool FileExists(this AbsolutePath path) => File.Exists(path);
    public static bool DirectoryExists(this AbsolutePath path) => Directory.Exists(path);

    /// <summary>Files under this directory matching globs such as <c>**/*.csproj</c>, in ordinal order so runs repeat.</summary>
    public static IReadOnlyCollection<AbsolutePath> GlobFiles(this AbsolutePath directory, params string[] patterns)
    {
        if (!Directory.Exists(directory)) return [];
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(patterns);
        return matcher.GetResultsInFullPath(directory).Order(StringComparer.Ordinal).Select(p => AbsolutePath.Create(p)).ToList();
    }

    /// <summary>Directories under this one matching globs such as <c>**/bin</c>.</summary>
    public static IReadOnlyCollection<AbsolutePath> GlobDirectories(this AbsolutePath directory, params string[] patterns)
    {
        if (!Directory.Exists(directory)) return [];
        // The globbing library matches files; a directory matches when a pattern matches its own path as if it were a file.
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(patterns);
        return Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories)
            .Where(d => matcher.Match(directory, Path.GetRelativePath(directory, d)).HasMatches)
            .Order(StringComparer.Ordinal).Select(d => AbsolutePath.Create(d)).ToList();
    }

    public static AbsolutePath CreateDirectory(this AbsolutePath directory)
    {
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>An existing, empty directory: created when missing, emptied when not.</summary>
    public static AbsolutePath CreateOrCleanDirectory(this AbsolutePath directory)
    {
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory)) File.Delete(file);
            foreach (var child in Directory.EnumerateDirectories(directory)) Directory.Delete(child, recursive: true);
        }
        return directory.CreateDirectory();
    }

    public static void DeleteDirectory(this AbsolutePath directory)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    public static void DeleteFile(this AbsolutePath file)
    {
        if (File.Exists(file)) File.Delete(file);
    }

    public static string ReadAllText(this AbsolutePath file) => File.ReadAllText(file);
    public static string[] ReadAllLines(this AbsolutePath file) => File.ReadAllLines(file);
    public static byte[] ReadAllBytes(this AbsolutePath file) => File.ReadAllBytes(file);

    /// <summary>Writes the file, creating its directory first.</summary>
    public static AbsolutePath WriteAllText(this AbsolutePath file, string text)
    {
        file.Parent.CreateDirectory();
        File.WriteAllText(file, text);
        return file;
    }

    public static AbsolutePath WriteAllLines(this AbsolutePath file, IEnumerable<string> lines)
    {
        file.Parent.CreateDirectory();
        File.WriteAllLines(file, lines);
        return file;
    }

    public static AbsolutePath WriteAllBytes(this AbsolutePath file, byte[] bytes)
    {
        file.Parent.CreateDirectory();
        File.WriteAllBytes(file, bytes);
        return file;
    }

    /// <summary>Zips this directory's contents (or the files matching a filter) into an archive, replacing it.</summary>
    public static void ZipTo(this AbsolutePath directory, AbsolutePath archive, Func<AbsolutePath, bool>? filter = null,
        CompressionLevel compressionLevel = CompressionLevel.Optimal, FileMode fileMode = FileMode.CreateNew)
    {
        archive.Parent.CreateDirectory();
        if (fileMode == FileMode.CreateNew) archive.DeleteFile();
        using var zip = ZipFile.Open(archive, ZipArchiveMode.Create);
        foreach (var file in directory.GlobFiles("**/*").Where(f => filter?.Invoke(f) ?? true))
            zip.CreateEntryFromFile(file, Path.GetRelativePath(directory, file).Replace('\\', '/'), compressionLevel);
    }

    public static void UnZipTo(this AbsolutePath archive, AbsolutePath directory) =>
        ZipFile.ExtractToDirectory(archive, directory.CreateDirectory(), overwriteFiles: true);

    /// <summary>The path from this one to another, e.g. for messages: <c>RootDirectory.GetRelativePathTo(file)</c>.</summary>
    public static string GetRelativePathTo(this AbsolutePath from, AbsolutePath to) => Path.GetRelativePath(from, to);

    public static string GetUnixRelativePathTo(this AbsolutePath from, AbsolutePath to) => Path.GetRelativePath(from, to).Replace('\\', '/');

    /// <summary>True when the other path is this one or lies beneath it.</summary>
    public static bool Contains(this AbsolutePath parent, AbsolutePath other)
    {
        var relative = Path.GetRelativePath(parent, other);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    public static void Copy(this AbsolutePath source, AbsolutePath target, bool overwrite = false)
    {
        if (Directory.Exists(source))
        {
            foreach (var file in source.GlobFiles("**/*"))
                (target / source.GetRelativePathTo(file)).Parent.CreateDirectory();
            foreach (var file in source.GlobFiles("**/*"))
                File.Copy(file, target / source.GetRelativePathTo(file), overwrite);
            return;
        }
        target.Parent.CreateDirectory();
        File.Copy(source, target, overwrite);
    }

    public static AbsolutePath CopyToDirectory(this AbsolutePath source, AbsolutePath directory, bool overwrite = false)
    {
        var target = directory / source.Name;
        source.Copy(target, overwrite);
        return target;
    }
}
