namespace Liftoff.Tests.Configuration;

/// <summary>The repository the tests run in, and throwaway copies of one for tests that write configuration.</summary>
internal static class RepositoryFolders
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Solution.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No Solution.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A temporary repository: write files into it, load it, and it is deleted afterwards.</summary>
internal sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "liftoff-config-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TempRepository Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return this;
    }

    public TempRepository Folder(string relativePath)
    {
        Directory.CreateDirectory(Path.Combine(Root, relativePath));
        return this;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a child process may still hold a file; the temp folder is cleaned eventually */ }
    }
}
