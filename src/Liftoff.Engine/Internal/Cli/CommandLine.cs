using Liftoff.Engine.Internal.Parameters;

namespace Liftoff.Engine.Internal.Cli;

/// <summary>
/// `Deploy Test --env staging --project a b --skip Compile --plan`: target names first, then options, each option taking
/// the words up to the next option. Option names match ignoring case and dashes (--NuGetApiKey is --nuget-api-key), and
/// lists may also be written with '+' (Compile+Test, --skip A+B), as in NUKE.
/// </summary>
internal sealed record CommandLine(
    IReadOnlyList<string> Targets,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Options,
    IReadOnlyDictionary<string, string> Spellings)
{
    /// <summary>Options the engine itself owns, as NUKE's where it has them; every other option must be a declared parameter.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> EngineOptions =
    [
        ("help", "Show targets and parameters"),
        ("plan", "Show the execution plan (text and a Mermaid graph) without running it"),
        ("target", "Targets to run (the same as naming them first)"),
        ("skip", "Skip the named targets, or with no names every target that was not named"),
        ("profile", "Also read .nuke/parameters.<profile>.json, for each profile given (the last wins)"),
        ("root", "Root directory of the build (default: the nearest folder upwards holding .nuke)"),
        ("verbosity", "Logging verbosity: quiet, minimal, normal (default) or verbose"),
        ("host", "Host to act as: Terminal, GitHubActions or CodeBuild (default: detected)"),
        ("continue", "Resume the last failed run with the same arguments, skipping the targets that succeeded"),
        ("partition", "Part of a split CI job, <part>/<total>, e.g. 2/3"),
        ("no-logo", "Accepted for NUKE's sake; Liftoff prints no logo"),
        ("trace", "Print exceptions with their stack traces"),
    ];

    /// <summary>Options whose values are lists (targets), where '+' separates items as a space does.</summary>
    private static readonly HashSet<string> ListOptions = ["target", "skip", "profile"];

    public bool Has(string option) => Options.ContainsKey(Naming.Normalize(option));

    public IReadOnlyList<string> Values(string option) =>
        Options.TryGetValue(Naming.Normalize(option), out var values) ? values : [];

    /// <summary>How the user wrote an option, for messages.</summary>
    public string Spelling(string normalized) => Spellings.GetValueOrDefault(normalized, normalized);

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var targets = new List<string>();
        var options = new Dictionary<string, IReadOnlyList<string>>();
        var spellings = new Dictionary<string, string>();
        List<string>? current = null;
        var currentIsList = false;
        foreach (var arg in args)
        {
            if (arg is "-h" or "-?" or "/?")
            {
                options["help"] = [];
                current = null;
            }
            else if (arg.StartsWith('-') && arg.TrimStart('-').Length > 0 && !double.TryParse(arg, out _))
            {
                var name = arg.TrimStart('-');
                string? inline = null;
                var equals = name.IndexOf('=');
                if (equals > 0) (name, inline) = (name[..equals], name[(equals + 1)..]);
                var key = Naming.Normalize(name);
                current = [];
                currentIsList = ListOptions.Contains(Naming.ToKebabCase(key)) || ListOptions.Contains(key);
                if (inline is not null) Add(current, inline, currentIsList);
                options[key] = current;
                spellings[key] = name;
            }
            else if (current is null) Add(targets, arg, isList: true);
            else Add(current, arg, currentIsList);
        }
        if (options.TryGetValue("target", out var named)) targets.AddRange(named);
        return new CommandLine(targets, options, spellings);
    }

    private static void Add(List<string> values, string arg, bool isList)
    {
        if (isList) values.AddRange(arg.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        else values.Add(arg);
    }
}
