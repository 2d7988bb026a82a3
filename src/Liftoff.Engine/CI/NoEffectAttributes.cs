namespace Liftoff.Engine.CI;

/// <summary>
/// NUKE stops the dotnet build servers after a CI run so agents do not keep them alive. Accepted without effect:
/// Liftoff's dotnet calls run on fresh CI machines whose processes end with the job.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShutdownDotNetAfterServerBuildAttribute : Attribute;
