namespace Liftoff.Engine.Tests.Support;

/// <summary>What a run left behind: its exit code and everything it wrote.</summary>
public sealed record BuildOutcome(int ExitCode, string Output)
{
    /// <summary>The output's lines, trailing spaces trimmed (Spectre pads table cells).</summary>
    public IReadOnlyList<string> Lines => Output.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToArray();

    /// <summary>The summary table's row for a target: its status and reason, e.g. "NotRun (A did not succeed)".</summary>
    public string StatusOf(string target)
    {
        var start = Lines.ToList().FindLastIndex(l => l.TrimStart().StartsWith("Target ", StringComparison.Ordinal) && l.Contains("Status"));
        var row = Lines.Skip(start + 1).FirstOrDefault(l => l.TrimStart().StartsWith(target + " ", StringComparison.Ordinal))
                  ?? throw new Xunit.Sdk.XunitException($"No summary row for {target} in:\n{Output}");
        return row.Trim()[target.Length..].Trim().Split("  ", StringSplitOptions.RemoveEmptyEntries)[0].Trim();
    }

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}

/// <summary>Runs a build in-process, as ./build.sh would, with a given command line and environment.</summary>
public static class InProcess
{
    public static async Task<BuildOutcome> RunAsync(LiftoffBuild build, string commandLine,
        IReadOnlyDictionary<string, string>? environment = null, TestRoot? root = null,
        IReadOnlyList<Target>? defaultTargets = null, CancellationToken cancellationToken = default)
    {
        using var ownRoot = root is null ? new TestRoot() : null;
        var writer = new StringWriter();
        var invocation = new BuildInvocation(
            commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            environment ?? new Dictionary<string, string>(),
            writer,
            IsTerminal: false,
            RootDirectory: (root ?? ownRoot)!.Path);
        var exitCode = await build.RunAsync(invocation, defaultTargets ?? [], cancellationToken);
        return new BuildOutcome(exitCode, writer.ToString());
    }

    /// <summary>Runs a build in-process as ./build.sh does, with stdout and stderr apart.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunWithStderrAsync(LiftoffBuild build, string commandLine)
    {
        using var root = new TestRoot();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var invocation = new BuildInvocation(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            new Dictionary<string, string>(), stdout, IsTerminal: false, root.Path) { Error = stderr };
        var exitCode = await build.RunAsync(invocation, [], CancellationToken.None);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    public static Dictionary<string, string> Environment(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value);
}
