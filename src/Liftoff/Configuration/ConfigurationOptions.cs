using Liftoff.Configuration.Runtimes;

namespace Liftoff.Configuration;

/// <summary>How a load treats what it finds: which projects the build acts on, and what decides runtimes.</summary>
public sealed record ConfigurationOptions
{
    /// <summary>
    /// The projects the build acts on (--project; "a,b" or repeated). Another project's errors are then
    /// warnings: a broken project the build does not touch must not block the others. Null or empty: all.
    /// </summary>
    public IReadOnlyList<string>? Projects { get; init; }

    /// <summary>AWS's runtime lifecycle; null reads cfn-lint's data on this machine.</summary>
    public RuntimeLifecycle? Runtimes { get; init; }

    /// <summary>Today, for the runtime lifecycle's dates.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>--project's values split on commas, trimmed, without repeats.</summary>
    public static IReadOnlyList<string> Selected(IReadOnlyList<string>? projects) =>
        (projects ?? []).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
}
