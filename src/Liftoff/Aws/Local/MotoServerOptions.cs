namespace Liftoff.Aws.Local;

/// <summary>How to start moto's server.</summary>
public sealed record MotoServerOptions
{
    /// <summary>
    /// Detached: the server gets its own session (no terminal signals, survives the build process) and
    /// writes to <see cref="LogFile"/>; disposing the <see cref="MotoServer"/> then leaves it running.
    /// Attached (tests): output is drained and the server stops on dispose.
    /// </summary>
    public bool Detached { get; init; }

    /// <summary>Where a detached server writes its output (required when Detached).</summary>
    public string? LogFile { get; init; }

    /// <summary>The Python interpreter with moto installed.</summary>
    public string Python { get; init; } = "python3";

    /// <summary>Extra environment for the server (e.g. INITIAL_NO_AUTH_ACTION_COUNT to make moto enforce IAM).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
