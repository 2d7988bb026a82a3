namespace Liftoff.Deploying.Code;

/// <summary>A step of a rollout as it happens, for progress output and for observers (tests hold the clock here).</summary>
public sealed record RolloutProgress(RolloutStage Stage, double Weight, IReadOnlyList<string> Functions, TimeSpan Hold);
