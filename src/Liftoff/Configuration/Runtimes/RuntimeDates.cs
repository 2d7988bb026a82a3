namespace Liftoff.Configuration.Runtimes;

/// <summary>
/// One runtime's lifecycle as AWS publishes it: when it was deprecated, from when functions can no longer be
/// created on it, then no longer updated, and the runtime AWS recommends instead (null for the newest).
/// </summary>
public sealed record RuntimeDates(DateOnly Deprecated, DateOnly CreateBlock, DateOnly UpdateBlock, string? Successor);
