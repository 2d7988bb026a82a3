namespace Liftoff.Building;

/// <summary>A function's deployable tree, ready for packaging.</summary>
public sealed record StagedFunction(string Project, string Function, string StagingDirectory, int FileCount, TimeSpan Duration);
