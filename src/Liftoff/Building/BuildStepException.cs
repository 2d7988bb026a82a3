namespace Liftoff.Building;

/// <summary>A build, lint or test step failed; the message says which, where, and carries the tool's own words.</summary>
public sealed class BuildStepException(string message, Exception? inner = null) : Exception(message, inner);
