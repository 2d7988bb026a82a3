using Liftoff.Configuration;
using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Building;

/// <summary>
/// A copy of the repository's environments.yaml, schemas and sample projects (without node_modules or
/// build outputs) in a temporary folder, so building them never touches the working tree.
/// </summary>
internal static class SampleRepository
{
    public static TempRepository Copy()
    {
        var repository = new TempRepository();
        File.Copy(Path.Combine(RepositoryFolders.Root, "environments.yaml"), Path.Combine(repository.Root, "environments.yaml"));
        CopyTree(Path.Combine(RepositoryFolders.Root, "projects"), Path.Combine(repository.Root, "projects"));
        return repository;
    }

    public static async Task<IReadOnlyList<ProjectBuild>> BuildsAsync(TempRepository repository, params string[] projects) =>
        (await ConfigurationLoader.LoadAsync(repository.Root, CancellationToken.None)).Builds(projects);

    /// <summary>Copies a folder, leaving out what a build writes (node_modules, dist, caches).</summary>
    public static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "node_modules" or "dist" or ".test-build" or "__pycache__") continue;
            CopyTree(directory, Path.Combine(target, name));
        }
    }
}

/// <summary>Collects what the tools printed, for assertions, safe to write from parallel builds.</summary>
internal sealed class CapturedOutput : StringWriter
{
    private readonly Action<string>? _onLine;

    public CapturedOutput(Action<string>? onLine = null) => _onLine = onLine;

    public override void WriteLine(string? value)
    {
        lock (this) base.WriteLine(value);
        _onLine?.Invoke(value ?? "");
    }

    public string Text
    {
        get { lock (this) return ToString(); }
    }
}
