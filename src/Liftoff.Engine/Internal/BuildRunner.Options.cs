using Liftoff.Engine.CI;
using Liftoff.Engine.Internal.Cli;
using Liftoff.Engine.Internal.Hosts;
using Liftoff.Engine.Internal.Parameters;
using Liftoff.Engine.Internal.Planning;
using Liftoff.Engine.IO;

namespace Liftoff.Engine.Internal;

/// <summary>The engine's own options (--root, --host, --verbosity, --partition, --continue) and the checks before anything runs.</summary>
internal sealed partial class BuildRunner
{
    /// <summary>Applies --root, --host and --verbosity to the run, and reads --partition.</summary>
    private Partition ApplyEngineOptions(CommandLine commandLine)
    {
        if (commandLine.Has("root"))
            Context.RootDirectory = AbsolutePath.Create(commandLine.Values("root") is [var root] ? root : Directory.GetCurrentDirectory());
        if (commandLine.Values("host") is [var host])
            Context.Host = HostDetector.Named(host, Context.Environment)
                           ?? throw new UsageException($"Unknown host '{host}' for --host: use {string.Join(", ", HostDetector.Names)}.");
        if (commandLine.Values("verbosity") is [var verbosity])
            Context.Verbosity = Enum.TryParse<Verbosity>(verbosity, ignoreCase: true, out var level)
                ? level
                : throw new UsageException($"Unknown verbosity '{verbosity}' for --verbosity: use quiet, minimal, normal or verbose.");
        foreach (var option in new[] { "root", "host", "verbosity", "partition" })
            if (commandLine.Values(option).Count > 1)
                throw new UsageException($"--{option} takes one value, but got {commandLine.Values(option).Count}.");
        // GitHub masks its token in its own logs; ours must not print it either, wherever it is set. So with the variables
        // the build and its components declare secret (AWS keys, registry tokens).
        build.Secrets.Add(Context.Variable("GITHUB_TOKEN"));
        foreach (var type in build.GetType().GetInterfaces().Prepend(build.GetType()))
        foreach (var attribute in type.GetCustomAttributes(typeof(SecretVariablesAttribute), inherit: true).Cast<SecretVariablesAttribute>())
        foreach (var name in attribute.Names)
            build.Secrets.Add(Context.Variable(name));

        build.Continue = commandLine.Has("continue");
        if (commandLine.Values("partition") is not [var text]) return Partition.Single;
        build.Partition = Partition.Parse(text, out var error) ?? throw new UsageException(error!);
        return build.Partition;
    }

    private static void RejectUnknownOptions(CommandLine commandLine, IReadOnlyList<ParameterDescriptor> descriptors)
    {
        var known = descriptors.Select(d => Naming.ToKebabCase(d.Name))
            .Concat(CommandLine.EngineOptions.Select(o => o.Name))
            .ToList();
        var normalized = known.Select(Naming.Normalize).ToHashSet();
        foreach (var option in commandLine.Options.Keys)
        {
            if (normalized.Contains(option)) continue;
            var spelling = commandLine.Spelling(option);
            var suggestion = Suggestions.Nearest(spelling, known);
            throw new UsageException(suggestion is null
                ? $"Unknown parameter '--{spelling}'. Run ./build.sh --help to list the parameters."
                : $"Unknown parameter '--{spelling}'. Did you mean '--{suggestion}'?");
        }
    }

    /// <summary>Every unmet requirement of a target that will run, each saying how to give the value.</summary>
    private static List<string> MissingRequirements(ExecutionPlan plan, IReadOnlyList<ParameterDescriptor> descriptors)
    {
        var missing = new List<string>();
        foreach (var target in plan.Targets.Where(t => !plan.Skipped.Contains(t)))
        foreach (var requirement in target.Definition.Requirements.Where(r => !ExecutionPlanner.Evaluate(target, "requirement", r.IsMet)))
        {
            var descriptor = descriptors.FirstOrDefault(d => d.Member.Name == requirement.Name || d.Member.Name.EndsWith("." + requirement.Name));
            var name = descriptor?.Name ?? requirement.Name;
            missing.Add(requirement.IsParameter
                ? $"Target {target.Name} needs the parameter {name}: give --{Naming.ToKebabCase(name)} <value>, " +
                  $"set LIFTOFF_{Naming.ToUpperSnakeCase(name)}, or add \"{name}\" to .nuke/parameters.json."
                : $"Target {target.Name} requires {requirement.Name}, which does not hold.");
        }
        return missing.Distinct().ToList();
    }

    /// <summary>Keeps .nuke/build.schema.json current on developer machines, as NUKE does; CI only reads it.</summary>
    private async Task WriteSchemaWhenStaleAsync(TargetGraph graph, IReadOnlyList<ParameterDescriptor> descriptors, CancellationToken cancellationToken)
    {
        if (Context.Host.IsCi) return;
        var path = Path.Combine(Context.RootDirectory, SchemaWriter.RelativePath);
        if (!Directory.Exists(Path.GetDirectoryName(path))) return;
        // Generating it costs a good part of a warm --help. The schema depends on the build's code alone, so
        // a stamp of that code's identity and of the file as last written skips the work until either changes.
        var stampPath = Path.Combine(Context.RootDirectory, SchemaWriter.StampRelativePath);
        var stamp = SchemaStamp(path);
        if (stamp is not null && File.Exists(stampPath) && await File.ReadAllTextAsync(stampPath, cancellationToken) == stamp) return;
        var schema = SchemaWriter.Generate(graph, descriptors);
        if (!File.Exists(path) || await File.ReadAllTextAsync(path, cancellationToken) != schema)
            await File.WriteAllTextAsync(path, schema, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(stampPath)!);
        await File.WriteAllTextAsync(stampPath, SchemaStamp(path), cancellationToken);
    }

    /// <summary>The build's assemblies (by module version id) and the schema file's size and time; null without a file.</summary>
    private string? SchemaStamp(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists) return null;
        var code = build.GetType().GetInterfaces().Append(build.GetType()).Append(typeof(SchemaWriter))
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N")).Distinct().Order(StringComparer.Ordinal);
        return $"{string.Join(' ', code)}\n{file.Length} {file.LastWriteTimeUtc.Ticks}\n";
    }
}
