namespace Liftoff.Engine.Internal.Execution;

/// <summary>What a user reads of an exception: its message and the messages it wraps, never .NET's own wording.</summary>
internal static class ExceptionText
{
    /// <summary>
    /// The message of the exception and of each exception it wraps, which usually hold the cause. A message .NET made up
    /// because the thrower gave none ("Exception of type 'Amazon.Runtime.Internal.HttpErrorResponseException' was
    /// thrown.") says nothing to a user and is left out, as is one an earlier message already says.
    /// </summary>
    public static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException { InnerExceptions.Count: > 1 } many)
            {
                messages.AddRange(many.InnerExceptions.Select(i => i.Message).Where(m => !IsMadeUp(m) && !Said(messages, m)));
                break;
            }
            if (!IsMadeUp(e.Message) && !Said(messages, e.Message)) messages.Add(e.Message);
        }
        if (messages.Count == 0) messages.Add($"an unexpected {exception.GetType().Name} (run with --trace to see where)");
        return string.Join(Environment.NewLine + "  ", messages);
    }

    private static bool Said(List<string> messages, string message) => messages.Any(m => m.Contains(message, StringComparison.Ordinal));

    private static bool IsMadeUp(string message) =>
        message.StartsWith("Exception of type '", StringComparison.Ordinal) && message.EndsWith("' was thrown.", StringComparison.Ordinal);
}
