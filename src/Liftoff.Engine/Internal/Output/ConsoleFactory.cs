using Spectre.Console;

namespace Liftoff.Engine.Internal.Output;

internal static class ConsoleFactory
{
    /// <summary>
    /// A Spectre console on the given writer: colour only on a terminal and never with NO_COLOR
    /// (https://no-color.org); plain text in CI logs and when piped.
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer, bool isTerminal, IReadOnlyDictionary<string, string> environment)
    {
        var noColor = environment.TryGetValue("NO_COLOR", out var value) && value.Length > 0;
        var colour = isTerminal && !noColor;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        // CI logs and pipes have no width; Spectre's default of 80 wraps tables needlessly there.
        if (!isTerminal) console.Profile.Width = 160;
        return console;
    }
}
