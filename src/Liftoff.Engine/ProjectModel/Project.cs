using System.Collections.Concurrent;
using System.Text.Json;
using Liftoff.Engine.IO;
using Liftoff.Engine.Tooling;

namespace Liftoff.Engine.ProjectModel;

/// <summary>A project of a <see cref="Solution"/>; converts to its path wherever a string is wanted.</summary>
public sealed class Project
{
    private readonly ConcurrentDictionary<string, string?> _properties = new(StringComparer.OrdinalIgnoreCase);

    internal Project(Solution solution, string name, AbsolutePath path, SolutionFolder? folder, Guid projectId, Guid typeId)
    {
        Solution = solution;
        Name = name;
        Path = path;
        SolutionFolder = folder;
        ProjectId = projectId;
        TypeId = typeId;
    }

    public Solution Solution { get; }
    public string Name { get; }
    public AbsolutePath Path { get; }
    public AbsolutePath Directory => Path.Parent;
    public SolutionFolder? SolutionFolder { get; }
    public Guid ProjectId { get; }
    public Guid TypeId { get; }

    public static implicit operator string(Project project) => project.Path;

    public override string ToString() => Path;

    /// <summary>
    /// Evaluated MSBuild properties, from the dotnet CLI's own evaluation (<c>dotnet msbuild -getProperty</c>), so
    /// Directory.Build.props and SDK defaults count as they do in a build; asked once per property per run.
    /// </summary>
    internal IReadOnlyDictionary<string, string?> Evaluate(params string[] names)
    {
        var missing = names.Where(n => !_properties.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
        {
            var output = ProcessTasks.StartProcess(Tools.DotNet.DotNetTasks.DotNetPath,
                    ["msbuild", Path, .. missing.Select(n => $"-getProperty:{n}")], Directory, logOutput: false, logInvocation: false)
                .AssertZeroExitCode().Output.StdToText().Trim();
            if (missing.Length == 1) _properties[missing[0]] = output.Length == 0 ? null : output;
            else
                foreach (var property in JsonDocument.Parse(output).RootElement.GetProperty("Properties").EnumerateObject())
                    _properties[property.Name] = property.Value.GetString() is { Length: > 0 } value ? value : null;
        }
        return names.ToDictionary(n => n, n => _properties.GetValueOrDefault(n));
    }
}

public static class ProjectExtensions
{
    /// <summary>An evaluated MSBuild property, or null when it is empty.</summary>
    public static string? GetProperty(this Project project, string name) => project.Evaluate(name)[name];

    /// <summary>TargetFrameworks split, else TargetFramework: <c>["net8.0", "net10.0"]</c>.</summary>
    public static IReadOnlyCollection<string> GetTargetFrameworks(this Project project)
    {
        var values = project.Evaluate("TargetFramework", "TargetFrameworks");
        return (values["TargetFrameworks"] ?? values["TargetFramework"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static string? GetOutputType(this Project project) => project.GetProperty("OutputType");

    public static bool IsPackable(this Project project) => string.Equals(project.GetProperty("IsPackable"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool IsTestProject(this Project project) => string.Equals(project.GetProperty("IsTestProject"), "true", StringComparison.OrdinalIgnoreCase);
}
