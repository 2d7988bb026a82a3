namespace Liftoff.Packaging;

/// <summary>
/// A packaging failure the user can fix (a file that cannot be read, a symlink leaving the project, an
/// artifact over Lambda's limits, a handler that does not load). The message says what, where and what to do.
/// </summary>
public class PackagingException(string message, Exception? inner = null) : Exception(message, inner);
