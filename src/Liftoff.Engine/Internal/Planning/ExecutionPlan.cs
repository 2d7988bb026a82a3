namespace Liftoff.Engine.Internal.Planning;

/// <summary>The targets that will be considered, in the order they run, and which were named or skipped.</summary>
internal sealed record ExecutionPlan(
    IReadOnlyList<TargetInfo> Targets,
    IReadOnlySet<TargetInfo> Requested,
    IReadOnlySet<TargetInfo> Skipped);
