using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using Spectre.Console;

namespace Liftoff.Engine.Internal.Output;

/// <summary>
/// Serilog's static <c>Log</c>, as NUKE builds use it, written to the run of the calling code: filtered by its
/// --verbosity, through its masked console, and on GitHub Actions as warning and error annotations.
/// </summary>
internal sealed class RunLogSink : ILogEventSink
{
    // One logger for the process, routing by the async-local run; Serilog's Log.Logger is itself process-wide.
    private static readonly ILogger RoutingLogger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new RunLogSink()).CreateLogger();

    /// <summary>Points Serilog's static Log at the run router (idempotent).</summary>
    public static void Install()
    {
        if (!ReferenceEquals(Log.Logger, RoutingLogger)) Log.Logger = RoutingLogger;
    }

    public void Emit(LogEvent logEvent)
    {
        var context = BuildContext.Current;
        if (logEvent.Level < Lowest(context.Verbosity)) return;
        var text = Render(logEvent);
        if (logEvent.Exception is { } exception) text += Environment.NewLine + exception.Message;

        if (context.Host.Kind == BuildHostKind.GitHubActions && logEvent.Level >= LogEventLevel.Warning)
        {
            var command = logEvent.Level == LogEventLevel.Warning ? "warning" : "error";
            context.WriteLine($"::{command}::{CI.GitHubActions.GitHubActions.EscapeData(context.Secrets.Apply(text))}");
            return;
        }
        var prefix = logEvent.Level switch
        {
            LogEventLevel.Verbose => "VRB ",
            LogEventLevel.Debug => "DBG ",
            LogEventLevel.Warning => "WRN ",
            LogEventLevel.Error => "ERR ",
            LogEventLevel.Fatal => "FTL ",
            _ => "",
        };
        var colour = logEvent.Level switch
        {
            >= LogEventLevel.Error => "red",
            LogEventLevel.Warning => "yellow",
            < LogEventLevel.Information => "grey",
            _ => null,
        };
        if (context.Console is { } console && colour is not null)
            console.MarkupLine($"[{colour}]{Spectre.Console.Markup.Escape(context.Secrets.Apply(prefix + text))}[/]");
        else
            context.WriteLine(prefix + text);
    }

    // ":l" writes string values as they are, without the quotes Serilog's default rendering adds, as NUKE's console shows them.
    private static readonly MessageTemplateTextFormatter Formatter = new("{Message:l}");

    private static string Render(LogEvent logEvent)
    {
        var text = new StringWriter();
        Formatter.Format(logEvent, text);
        return text.ToString();
    }

    private static LogEventLevel Lowest(Verbosity verbosity) => verbosity switch
    {
        Verbosity.Verbose => LogEventLevel.Verbose,
        Verbosity.Minimal => LogEventLevel.Warning,
        Verbosity.Quiet => LogEventLevel.Error,
        _ => LogEventLevel.Information,
    };
}
