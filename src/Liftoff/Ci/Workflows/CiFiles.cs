namespace Liftoff.Ci.Workflows;

/// <summary>Every CI file the build declares, by path relative to the repository root, with its generated text.</summary>
public static class CiFiles
{
    public static IReadOnlyDictionary<string, string> Generate(CiDeclarations declarations, CiTopology topology)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var workflow in declarations.Workflows)
            files[GitHubWorkflowWriter.PathOf(workflow)] = GitHubWorkflowWriter.Write(workflow, declarations, topology);
        if (declarations.CodeBuild is { } codeBuild)
            files[codeBuild.FileName] = BuildspecWriter.Write(codeBuild, topology);
        return files;
    }

    /// <summary>Writes the files that differ; returns each path with whether it changed.</summary>
    public static async Task<IReadOnlyList<(string Path, bool Changed)>> WriteAsync(
        string rootDirectory, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken)
    {
        var written = new List<(string, bool)>();
        foreach (var (relative, text) in files)
        {
            var path = Path.Combine(rootDirectory, relative);
            var changed = !File.Exists(path) || await File.ReadAllTextAsync(path, cancellationToken) != text;
            if (changed)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, text, cancellationToken);
            }
            written.Add((relative, changed));
        }
        return written;
    }
}
