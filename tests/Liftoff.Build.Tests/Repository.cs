namespace Liftoff.Build.Tests;

/// <summary>The repository these tests were built from: the folder holding Solution.sln above the test's output.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Solution.sln")))
                return directory.FullName;
        throw new InvalidOperationException($"No Solution.sln above {AppContext.BaseDirectory}.");
    }
}
