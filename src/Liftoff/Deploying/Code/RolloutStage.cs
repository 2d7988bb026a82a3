namespace Liftoff.Deploying.Code;

/// <summary>Where a rollout is: traffic shifted to a share, all moved, or sent back.</summary>
public enum RolloutStage { Shifted, Completed, RolledBack }
