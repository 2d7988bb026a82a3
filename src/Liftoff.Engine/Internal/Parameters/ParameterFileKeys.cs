using System.Text.Json;
using Liftoff.Engine.Internal.Planning;

namespace Liftoff.Engine.Internal.Parameters;

/// <summary>
/// The keys a .nuke/parameters*.json may hold besides declared parameters — "$schema", "Target", "Skip" and "Solution", the
/// ones the generated schema lists, as in NUKE — and the check that a misspelt key fails instead of being ignored.
/// </summary>
internal static class ParameterFileKeys
{
    public const string Target = "Target";
    public const string Skip = "Skip";

    /// <summary>NUKE's setup writes the solution's path here; accepted whether or not the build has a [Solution] member.</summary>
    public const string Solution = "Solution";

    /// <summary>A key that is neither a declared parameter nor Target/Skip is a usage error, with the nearest known key.</summary>
    public static void RejectUnknown(IReadOnlyList<ParameterFile> files, IReadOnlyList<ParameterDescriptor> descriptors)
    {
        var known = descriptors.Select(d => d.Name).Concat([Target, Skip, Solution]).ToList();
        foreach (var file in files)
        foreach (var key in file.Values.Keys)
        {
            if (known.Contains(key, StringComparer.OrdinalIgnoreCase)) continue;
            var where = file.Positions.TryGetValue(key, out var position) ? $"{file.Path}:{position}" : file.Path;
            var suggestion = Suggestions.Nearest(key, known);
            throw new ParameterException(suggestion is null
                ? $"{where}: unknown key \"{key}\". Remove it; ./build.sh --help lists the parameters."
                : $"{where}: unknown key \"{key}\". Did you mean \"{suggestion}\"?");
        }
    }

    /// <summary>The targets to run when the command line names none: "Target" of the first file that has it.</summary>
    public static IReadOnlyList<string>? Targets(IReadOnlyList<ParameterFile> files) =>
        First(files, Target) is { } found ? Names(found.File, Target, found.Value) : null;

    /// <summary>"Skip" as --skip would give it: an empty list skips every dependency, names skip those targets.</summary>
    public static SkipRequest? SkipRequest(IReadOnlyList<ParameterFile> files)
    {
        if (First(files, Skip) is not { } found) return null;
        if (found.Value.ValueKind is JsonValueKind.True) return new SkipRequest(true, []);
        if (found.Value.ValueKind is JsonValueKind.False) return Planning.SkipRequest.None;
        var names = Names(found.File, Skip, found.Value);
        return new SkipRequest(names.Count == 0, names);
    }

    // A null value means "not given here", as for parameters, so a lower file applies.
    private static (ParameterFile File, JsonElement Value)? First(IReadOnlyList<ParameterFile> files, string key)
    {
        foreach (var file in files)
            if (file.Values.TryGetValue(key, out var value) && value.ValueKind != JsonValueKind.Null)
                return (file, value);
        return null;
    }

    private static IReadOnlyList<string> Names(ParameterFile file, string key, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String) return [value.GetString()!];
        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            return value.EnumerateArray().Select(e => e.GetString()!).ToList();
        var where = file.Positions.TryGetValue(key, out var position) ? $"{file.Path}:{position}" : file.Path;
        throw new ParameterException($"{where}: \"{key}\" must be a target name or a list of them, e.g. [\"Compile\"].");
    }
}
