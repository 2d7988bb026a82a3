namespace Liftoff.Deploying.Code;

/// <summary>How a function's alias was moved.</summary>
public enum AliasMove
{
    /// <summary>Already on the new version.</summary>
    Unchanged,
    /// <summary>The alias did not exist (moto never creates AWS::Lambda::Alias): created on the new version.</summary>
    Created,
    /// <summary>Moved in one step (all-at-once, or from $LATEST, which cannot share traffic).</summary>
    Moved,
    /// <summary>Moved through the strategy's traffic shares.</summary>
    Shifted,
    /// <summary>An alarm or a stop sent all traffic back to the previous version.</summary>
    RolledBack,
}
