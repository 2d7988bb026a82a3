namespace Liftoff.Invoking;

/// <summary>An invocation could not be made (no release, no code, a runtime missing): the message says what to do.</summary>
public sealed class InvokeException(string message, Exception? inner = null) : Exception(message, inner);
