namespace Liftoff.Engine;

/// <summary>How much a run prints (<c>--verbosity</c>), as NUKE's: Quiet shows errors only, Minimal adds warnings.</summary>
public enum Verbosity
{
    Verbose,
    Normal,
    Minimal,
    Quiet,
}
