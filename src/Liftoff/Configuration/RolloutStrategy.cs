namespace Liftoff.Configuration;

/// <summary>How traffic moves to a new version: all at once, a canary share first, or linear steps.</summary>
public enum RolloutStrategy { AllAtOnce, Canary, Linear }
