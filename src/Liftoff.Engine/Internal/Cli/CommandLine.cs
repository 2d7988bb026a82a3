namespace Liftoff.Engine.Internal.Cli;

/// <summary>
/// `Deploy Test --env staging --project a b --skip Compile --plan`: target names first, then options,
/// each option taking the words up to the next option.
/// </summary>
internal sealed record CommandLine(
    IReadOnlyList<string> Targets,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Options)
{
    /// <summary>Options the engine itself owns; every other option must be a declared parameter.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> EngineOptions =
    [
        ("help", "Show targets and parameters"),
        ("plan", "Show the execution plan (text and a Mermaid graph) without running it"),
        ("skip", "Skip all dependencies, or only the named targets"),
        ("profile", "Also read .nuke/parameters.<profile>.json"),
        ("target", "Targets to run (the same as naming them first)"),
        ("trace", "Print exceptions with their stack traces"),
    ];

    public bool Has(string option) => Options.ContainsKey(option);

    public IReadOnlyList<string> Values(string option) => Options.TryGetValue(option, out var values) ? values : [];

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var targets = new List<string>();
        var options = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        List<string>? current = null;
        foreach (var arg in args)
        {
            if (arg is "-h" or "-?" or "/?")
            {
                options["help"] = [];
                current = null;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                string? inline = null;
                var equals = name.IndexOf('=');
                if (equals > 0) (name, inline) = (name[..equals], name[(equals + 1)..]);
                current = [];
                if (inline is not null) current.Add(inline);
                options[name.ToLowerInvariant()] = current;
            }
            else if (current is null)
            {
                targets.Add(arg);
            }
            else
            {
                current.Add(arg);
            }
        }
        if (options.TryGetValue("target", out var named)) targets.AddRange(named);
        return new CommandLine(targets, options);
    }
}
