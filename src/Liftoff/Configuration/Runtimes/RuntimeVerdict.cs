namespace Liftoff.Configuration.Runtimes;

public enum RuntimeStanding
{
    /// <summary>Supported: functions can be created on it today.</summary>
    Supported,

    /// <summary>Deprecated: still creatable, but AWS will block it on a known date.</summary>
    Deprecated,

    /// <summary>AWS no longer lets functions be created on it.</summary>
    Blocked,

    /// <summary>The lifecycle data does not list it (a typo, or a runtime newer than the data).</summary>
    Unknown,

    /// <summary>No lifecycle data on this machine: nothing could be said about it.</summary>
    Unchecked,
}

/// <summary>What AWS's runtime lifecycle says of one runtime today, with the sentence a user reads.</summary>
public sealed record RuntimeVerdict(RuntimeStanding Standing, string Message);
