using System.Collections.Immutable;
using Liftoff.Engine.Tooling;

namespace Liftoff.Engine.Tools.DotNet;

/// <summary>
/// What a dotnet CLI command can be told. Each command (<see cref="DotNetBuildSettings"/>, ...) passes on the options it
/// has and refuses the ones it has not, naming them, so a setter that means nothing to a command is never silently dropped.
/// </summary>
public abstract class DotNetSettings : ToolOptions
{
    /// <summary>What every command that builds a project takes: the project, how and for what to build it, where to, how loud.</summary>
    private protected const DotNetOption ProjectBuild = DotNetOption.ProjectFile | DotNetOption.Configuration | DotNetOption.Framework |
                                                        DotNetOption.Runtime | DotNetOption.OutputDirectory | DotNetOption.Verbosity |
                                                        DotNetOption.Properties;

    private protected DotNetSettings(string[] command, DotNetOption supported)
    {
        Command = command;
        Supported = supported;
    }

    public string? ProjectFile { get; internal set; }
    public string? Configuration { get; internal set; }
    public string? Framework { get; internal set; }
    public string? Runtime { get; internal set; }
    public string? OutputDirectory { get; internal set; }
    public DotNetVerbosity? Verbosity { get; internal set; }
    public ImmutableDictionary<string, object> Properties { get; internal set; } = ImmutableDictionary<string, object>.Empty;
    public bool? NoRestore { get; internal set; }
    public bool? NoBuild { get; internal set; }
    public string? VersionSuffix { get; internal set; }
    public ImmutableList<string> Loggers { get; internal set; } = [];
    public string? ResultsDirectory { get; internal set; }
    public string? Filter { get; internal set; }
    public ImmutableList<string> Sources { get; internal set; } = [];
    public string? ApiKey { get; internal set; }
    public string? TargetPath { get; internal set; }
    public string? ApplicationArguments { get; internal set; }
    public bool? SkipDuplicate { get; internal set; }
    public bool? SelfContained { get; internal set; }

    /// <summary>The command's words, e.g. ["build"] or ["nuget", "push"].</summary>
    private string[] Command { get; }

    /// <summary>The options this command passes on; any other option that was set is refused.</summary>
    private DotNetOption Supported { get; }

    internal IReadOnlyList<string> Arguments()
    {
        var unsupported = Enum.GetValues<DotNetOption>().Where(o => o != DotNetOption.None && IsSet(o) && !Supported.HasFlag(o)).ToList();
        if (unsupported.Count > 0)
            throw new ArgumentException(
                $"dotnet {string.Join(' ', Command)} takes no {string.Join(", ", unsupported)}; remove that setter from its settings.");

        var args = new List<string>(Command);
        if (Command[0] == "run") { if (ProjectFile is not null) args.AddRange(["--project", ProjectFile]); }
        else if (Command is ["nuget", "push"]) { if (TargetPath is not null) args.Add(TargetPath); }
        else if (ProjectFile is not null) args.Add(ProjectFile);

        void Option(string name, string? value) { if (value is not null) args.AddRange([name, value]); }
        void Flag(string name, bool? value) { if (value == true) args.Add(name); }
        Option("--configuration", Configuration);
        Option("--framework", Framework);
        Option("--runtime", Runtime);
        Option("--output", OutputDirectory);
        Option("--verbosity", Verbosity?.Value);
        Flag("--no-restore", NoRestore);
        Flag("--no-build", NoBuild);
        Option("--version-suffix", VersionSuffix);
        foreach (var logger in Loggers) Option("--logger", logger);
        Option("--results-directory", ResultsDirectory);
        Option("--filter", Filter);
        foreach (var source in Sources) Option("--source", source);
        Option("--api-key", ApiKey);
        Flag("--skip-duplicate", SkipDuplicate);
        if (SelfContained is { } selfContained) args.Add(selfContained ? "--self-contained" : "--no-self-contained");
        foreach (var (name, value) in Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            args.Add($"-property:{name}={EscapeProperty(value)}");
        if (ApplicationArguments is not null) args.AddRange(["--", ApplicationArguments]);
        return args;
    }

    // Each option is named as the property that holds it: set means a value, or a list or dictionary with items.
    private bool IsSet(DotNetOption option) => typeof(DotNetSettings).GetProperty(option.ToString())!.GetValue(this) switch
    {
        null => false,
        System.Collections.ICollection items => items.Count > 0,
        _ => true,
    };

    // MSBuild reads ; and , in a property value as list separators; escaped, they reach the property as written.
    private static string EscapeProperty(object value) =>
        (value is bool b ? b.ToString().ToLowerInvariant() : value.ToString() ?? "").Replace("%", "%25").Replace(";", "%3B").Replace(",", "%2C");
}

[Flags]
internal enum DotNetOption
{
    None = 0,
    ProjectFile = 1 << 0,
    Configuration = 1 << 1,
    Framework = 1 << 2,
    Runtime = 1 << 3,
    OutputDirectory = 1 << 4,
    Verbosity = 1 << 5,
    Properties = 1 << 6,
    NoRestore = 1 << 7,
    NoBuild = 1 << 8,
    VersionSuffix = 1 << 9,
    Loggers = 1 << 10,
    ResultsDirectory = 1 << 11,
    Filter = 1 << 12,
    Sources = 1 << 13,
    ApiKey = 1 << 14,
    TargetPath = 1 << 15,
    ApplicationArguments = 1 << 16,
    SkipDuplicate = 1 << 17,
    SelfContained = 1 << 18,
}
