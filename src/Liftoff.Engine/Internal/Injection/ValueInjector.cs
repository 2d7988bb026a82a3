using System.Reflection;
using Liftoff.Engine.CI;
using Liftoff.Engine.Git;
using Liftoff.Engine.Internal.Parameters;
using Liftoff.Engine.IO;
using Liftoff.Engine.ProjectModel;
using Liftoff.Engine.Tooling;
using GitHubActionsHost = Liftoff.Engine.CI.GitHubActions.GitHubActions;

namespace Liftoff.Engine.Internal.Injection;

/// <summary>
/// Sets the members NUKE fills by attribute: [Solution], [GitRepository], [CI], [PathVariable] and [Partition]. Fields
/// and settable properties of the class are set; interface members read the value through TryGetValue. Then every
/// [Required] member must have a value.
/// </summary>
internal sealed class ValueInjector(LiftoffBuild build, ParameterValues values, BuildContext context, Partition partition)
{
    public async Task InjectAsync(IReadOnlyList<ParameterDescriptor> parameters, CancellationToken cancellationToken)
    {
        var repository = new Lazy<Task<GitRepository?>>(() => GitRepository.FromLocalDirectoryAsync(context.RootDirectory, cancellationToken, context.Environment));
        foreach (var member in ParameterDiscovery.Members(build.GetType()))
        {
            object? value;
            if (member.GetCustomAttribute<SolutionAttribute>() is { } solution)
                value = await ReadSolutionAsync(member, solution, parameters, cancellationToken);
            else if (member.GetCustomAttribute<GitRepositoryAttribute>() is not null)
                value = await repository.Value;
            else if (member.GetCustomAttribute<CIAttribute>() is not null)
                value = TypeOf(member) == typeof(GitHubActionsHost) && context.Host.Kind == BuildHostKind.GitHubActions
                    ? new GitHubActionsHost(context.Environment)
                    : null;
            else if (member.GetCustomAttribute<PathVariableAttribute>() is { } tool)
                value = ToolResolver.GetPathTool(tool.PathExecutable ?? member.Name.ToLowerInvariant());
            else if (member.GetCustomAttribute<PartitionAttribute>() is { } split)
                value = partition.Total == 1 && split.Total > 1 ? Partition.Single
                    : partition.Total == split.Total ? partition
                    : throw new ParameterException($"--partition {partition} does not split into {split.Total} parts, as [Partition({split.Total})] on {member.Name} says.");
            else continue;
            Set(member, value);
        }
    }

    /// <summary>Every [Required] member without a value, each saying how to give it.</summary>
    public List<string> MissingRequired(IReadOnlyList<ParameterDescriptor> parameters)
    {
        var missing = new List<string>();
        foreach (var member in ParameterDiscovery.Members(build.GetType()).Where(m => m.GetCustomAttribute<RequiredAttribute>() is not null))
        {
            if (Read(member) is not null and not "") continue;
            var parameter = parameters.FirstOrDefault(p => p.Member == member);
            missing.Add(parameter is null
                ? $"{member.Name} is required but has no value."
                : $"{parameter.Name} is required: give {parameter.CliName} <value>, set {parameter.EnvironmentNames[0]}, or add \"{parameter.Name}\" to .nuke/parameters.json.");
        }
        return missing;
    }

    private async Task<Solution?> ReadSolutionAsync(MemberInfo member, SolutionAttribute attribute,
        IReadOnlyList<ParameterDescriptor> parameters, CancellationToken cancellationToken)
    {
        var parameter = parameters.FirstOrDefault(p => p.Member == member);
        var path = (parameter is null ? null : values.ValueOf(parameter.Name) as AbsolutePath)
                   ?? (attribute.RelativePath is { } relative ? context.RootDirectory / relative : null);
        if (path is null) return null;
        try
        {
            return await Solution.ReadAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or Microsoft.VisualStudio.SolutionPersistence.Model.SolutionException)
        {
            throw new ParameterException($"[Solution] {member.Name}: {e.Message}");
        }
    }

    private void Set(MemberInfo member, object? value)
    {
        switch (member)
        {
            case FieldInfo field when !field.DeclaringType!.IsInterface: field.SetValue(build, value); break;
            case PropertyInfo { SetMethod: not null } property when !property.DeclaringType!.IsInterface: property.SetValue(build, value); break;
        }
        values.SetInjected(member.Name[(member.Name.LastIndexOf('.') + 1)..], value);
    }

    private object? Read(MemberInfo member)
    {
        try
        {
            return member switch
            {
                FieldInfo field => field.GetValue(build),
                PropertyInfo property when property.DeclaringType!.IsInterface => values.TryGet(property.Name, out var value) ? value : null,
                PropertyInfo property => property.GetValue(build),
                _ => null,
            };
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static Type? TypeOf(MemberInfo member) => member switch
    {
        FieldInfo f => f.FieldType,
        PropertyInfo p => p.PropertyType,
        _ => null,
    };
}
