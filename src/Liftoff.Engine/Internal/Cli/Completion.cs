using Liftoff.Engine.Internal.Parameters;
using Liftoff.Engine.Internal.Planning;

namespace Liftoff.Engine.Internal.Cli;

/// <summary>
/// `./build.sh :complete "./build.sh Deploy --en"` prints the words that complete the last one, one per line, as NUKE's
/// :complete: targets where a target may come, --parameter names after a dash, and a parameter's allowed values after it.
/// README "Coming from NUKE" shows the bash, zsh and pwsh registrations.
/// </summary>
internal static class Completion
{
    public const string Command = ":complete";

    public static IEnumerable<string> Items(string line, TargetGraph graph, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var words = line.Split(' ').ToList();
        if (words.Count > 0 && LooksLikeProgram(words[0])) words.RemoveAt(0);
        var current = words.Count > 0 ? words[^1] : "";
        var before = words.Count > 0 ? words[..^1] : [];
        var lastOption = before.LastOrDefault(w => w.StartsWith('-'));

        var targets = graph.Targets.Where(t => !t.Definition.IsUnlisted).Select(t => t.Name).ToList();
        var options = parameters.Select(p => p.CliName).Concat(CommandLine.EngineOptions.Select(o => "--" + o.Name)).ToList();
        IEnumerable<string> candidates = current.StartsWith('-')
            ? options
            : lastOption is null ? targets.Concat(current.Length == 0 ? options : [])
            : ValuesOf(Naming.Normalize(lastOption), targets, parameters).Concat(current.Length == 0 ? options : []);
        return candidates.Where(c => c.StartsWith(current, StringComparison.OrdinalIgnoreCase) && !before.Contains(c, StringComparer.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> ValuesOf(string option, List<string> targets, IReadOnlyList<ParameterDescriptor> parameters) => option switch
    {
        "target" or "skip" => targets,
        "verbosity" => Enum.GetNames<Verbosity>().Select(n => n.ToLowerInvariant()),
        "host" => Hosts.HostDetector.Names,
        _ => parameters.FirstOrDefault(p => Naming.Normalize(p.Name) == option) is { } parameter
            ? parameter.ValueType == typeof(bool) ? ["true", "false"] : parameter.AllowedValues
            : [],
    };

    private static bool LooksLikeProgram(string word) =>
        word.Contains('/') || word.Contains('\\') || word is "nuke" or "build" || word.EndsWith(".sh", StringComparison.Ordinal) ||
        word.EndsWith(".ps1", StringComparison.Ordinal) || word.EndsWith(".cmd", StringComparison.Ordinal);
}
