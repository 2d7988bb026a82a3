namespace Liftoff.Configuration;

/// <summary>A static front end: built by running BuildCommand in SourceDirectory into OutputDirectory (all absolute).</summary>
public sealed record FrontEnd(string SourceDirectory, string BuildCommand, string OutputDirectory);
