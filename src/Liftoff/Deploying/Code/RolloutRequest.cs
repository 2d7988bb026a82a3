namespace Liftoff.Deploying.Code;

/// <summary>One function's code as packaged and uploaded: where Lambda fetches it, and its CodeSha256 (base64 sha256 of the zip).</summary>
public sealed record FunctionDeployment(string FunctionName, string CodeBucket, string CodeKey, string CodeSha256);

/// <summary>The functions of one project to roll out together, how, and which CloudWatch alarms stop it.</summary>
public sealed record RolloutRequest(
    IReadOnlyList<FunctionDeployment> Functions,
    ShiftStrategy Strategy,
    IReadOnlyList<string> Alarms)
{
    public const string LiveAlias = "live";

    /// <summary>The alias the pipeline owns; the template creates it once and never moves it.</summary>
    public string AliasName { get; init; } = LiveAlias;
}

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

/// <summary>What happened to one function.</summary>
public sealed record FunctionRolloutResult(
    string FunctionName,
    string Version,
    string? PreviousVersion,
    bool CodeUpdated,
    AliasMove Move);

/// <summary>The outcome of a rollout: the version each function's alias is meant to serve.</summary>
public sealed record RolloutResult(IReadOnlyList<FunctionRolloutResult> Functions)
{
    /// <summary>Function name → version published (and now live, unless rolled back).</summary>
    public IReadOnlyDictionary<string, string> PublishedVersions =>
        Functions.ToDictionary(f => f.FunctionName, f => f.Version, StringComparer.Ordinal);
}

/// <summary>A step of a rollout as it happens, for progress output and for observers (tests hold the clock here).</summary>
public sealed record RolloutProgress(RolloutStage Stage, double Weight, IReadOnlyList<string> Functions, TimeSpan Hold);

public enum RolloutStage { Shifted, Completed, RolledBack }

/// <summary>An alarm (or a failure) stopped the rollout; traffic went back to the previous versions.</summary>
public sealed class RolloutFailedException(string message, RolloutResult result, Exception? inner = null) : DeployException(message, inner)
{
    public RolloutResult Result { get; } = result;
}
