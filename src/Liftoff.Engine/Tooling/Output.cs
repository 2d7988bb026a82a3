namespace Liftoff.Engine.Tooling;

public enum OutputType
{
    Std,
    Err,
}

/// <summary>One line a tool printed, and on which stream.</summary>
public readonly record struct Output(OutputType Type, string Text)
{
    public override string ToString() => Text;
}

/// <summary>A tool ended with a non-zero exit code; the message holds the command line and its last lines.</summary>
public sealed class ProcessException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

public static class OutputExtensions
{
    /// <summary>The standard-output lines as one text, as NUKE's <c>StdToText()</c>.</summary>
    public static string StdToText(this IEnumerable<Output> output) =>
        string.Join(Environment.NewLine, output.Where(o => o.Type == OutputType.Std).Select(o => o.Text));

    public static IEnumerable<Output> EnsureOnlyStd(this IEnumerable<Output> output) => output.Where(o => o.Type == OutputType.Std);
}
