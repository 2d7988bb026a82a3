namespace Liftoff.Engine.IO;

/// <summary>NUKE's path helpers (<c>using static Nuke.Common.IO.PathConstruction;</c>).</summary>
public static class PathConstruction
{
    public static string GetRelativePath(string basePath, string destinationPath) => Path.GetRelativePath(basePath, destinationPath);

    public static bool HasPathRoot(string path) => Path.IsPathRooted(path);

    public static IReadOnlyCollection<AbsolutePath> GlobFiles(AbsolutePath directory, params string[] patterns) => directory.GlobFiles(patterns);

    public static IReadOnlyCollection<AbsolutePath> GlobDirectories(AbsolutePath directory, params string[] patterns) => directory.GlobDirectories(patterns);
}
