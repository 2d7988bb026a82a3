using Liftoff.Configuration;

namespace Liftoff.Deploying.Code;

/// <summary>One function's code as packaged and uploaded: where Lambda fetches it, and its CodeSha256 (base64 sha256 of the zip).</summary>
/// <param name="FunctionName">The function's physical name, as the stack reports it.</param>
public sealed record FunctionDeployment(string FunctionName, string CodeBucket, string CodeKey, string CodeSha256)
{
    /// <summary>The function's name in project.yaml (the ledger's key); the physical name when not set.</summary>
    public string Name { get => field ?? FunctionName; init; }

    /// <summary>The alias serving traffic: <c>live</c>, or SAM's AutoPublishAlias.</summary>
    public string AliasName { get; init; } = RolloutRequest.LiveAlias;

    /// <summary>Who moves the alias: Liftoff by the strategy, the template (SAM) all at once, or CodeDeploy.</summary>
    public AliasOwner AliasOwner { get; init; } = AliasOwner.Liftoff;
}
