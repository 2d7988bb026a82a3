using Liftoff.Engine.IO;
using Microsoft.VisualStudio.SolutionPersistence.Model;
using Microsoft.VisualStudio.SolutionPersistence.Serializer;

namespace Liftoff.Engine.ProjectModel;

/// <summary>
/// A .sln or .slnx solution, read with Microsoft.VisualStudio.SolutionPersistence (Visual Studio's own reader), in NUKE's
/// shape: <see cref="Projects"/> at the top level, <see cref="AllProjects"/> in every folder, <see cref="GetProject"/> by name.
/// </summary>
public sealed class Solution
{
    private Solution(AbsolutePath path) => Path = path;

    public AbsolutePath Path { get; }
    public AbsolutePath Directory => Path.Parent;
    public string Name => Path.NameWithoutExtension;
    public string FileName => Path.Name;

    /// <summary>Projects outside any solution folder.</summary>
    public IReadOnlyCollection<Project> Projects => AllProjects.Where(p => p.SolutionFolder is null).ToList();

    public IReadOnlyCollection<Project> AllProjects { get; private set; } = [];

    /// <summary>Folders at the top level.</summary>
    public IReadOnlyCollection<SolutionFolder> SolutionFolders => AllSolutionFolders.Where(f => f.Parent is null).ToList();

    public IReadOnlyCollection<SolutionFolder> AllSolutionFolders { get; private set; } = [];

    /// <summary>The project of that name (ignoring case) anywhere in the solution, or null.</summary>
    public Project? GetProject(string name) =>
        AllProjects.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public SolutionFolder? GetSolutionFolder(string name) =>
        AllSolutionFolders.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static implicit operator string(Solution solution) => solution.Path;

    public override string ToString() => Path;

    /// <summary>Reads a solution file; a file that is missing or not a solution gives a message naming it.</summary>
    public static async Task<Solution> ReadAsync(AbsolutePath path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"The solution {path} does not exist.", path);
        var serializer = SolutionSerializers.GetSerializerByMoniker(path)
                         ?? throw new InvalidDataException($"{path} is not a solution file (.sln or .slnx).");
        var model = await serializer.OpenAsync(path, cancellationToken);

        var solution = new Solution(path);
        var folders = new Dictionary<SolutionFolderModel, SolutionFolder>();
        SolutionFolder? Folder(SolutionFolderModel? model) => model is null ? null : folders.GetValueOrDefault(model);
        // Parents come before children in the model's list, so each folder's parent is known when it is made.
        foreach (var folder in model.SolutionFolders)
            folders[folder] = new SolutionFolder(solution, folder.ActualDisplayName, Folder(folder.Parent));
        solution.AllSolutionFolders = folders.Values.ToList();
        solution.AllProjects = model.SolutionProjects
            .Select(p => new Project(solution, p.ActualDisplayName,
                AbsolutePath.Create(p.FilePath.Replace('\\', System.IO.Path.DirectorySeparatorChar), path.Parent),
                Folder(p.Parent), p.Id, p.TypeId))
            .ToList();
        return solution;
    }
}

/// <summary>A solution folder, with what it holds.</summary>
public sealed class SolutionFolder(Solution solution, string name, SolutionFolder? parent)
{
    public Solution Solution { get; } = solution;
    public string Name { get; } = name;
    public SolutionFolder? Parent { get; } = parent;
    public IReadOnlyCollection<Project> Projects => Solution.AllProjects.Where(p => p.SolutionFolder == this).ToList();
    public IReadOnlyCollection<SolutionFolder> SolutionFolders => Solution.AllSolutionFolders.Where(f => f.Parent == this).ToList();
    public Project? GetProject(string name) => Projects.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
    public override string ToString() => Name;
}
