using Liftoff.Configuration;
using Liftoff.Deploying.Code;
using Liftoff.Deploying.Stacks;

namespace Liftoff.Deploying;

/// <summary>One function's (or layer's) uploaded package: the S3 key of its zip and its CodeSha256 (base64 sha256, as Lambda reports it).</summary>
public sealed record UploadedCode(string Function, string Key, string CodeSha256);

/// <summary>Turns a resolved project environment and its uploaded code into what the stack deploy and the rollout take.</summary>
public static class DeployInputs
{
    /// <summary>
    /// The stack's parameters (the configuration's, plus each &lt;Name&gt;CodeKey of a template that takes its code
    /// that way), only those the template declares, the environment's tags and its approval and protection rules.
    /// </summary>
    public static StackDeployment Stack(ProjectEnvironment environment, StackTemplate template, IReadOnlyList<UploadedCode> code)
    {
        var parameters = new Dictionary<string, string>(environment.StackParameters, StringComparer.Ordinal);
        foreach (var function in environment.Functions)
            if (function.CodeKeyParameter is { } parameter && code.FirstOrDefault(c => c.Function == function.Name) is { } uploaded)
                parameters[parameter] = uploaded.Key;
        return new StackDeployment(environment.StackName, environment.Environment, template, template.Declared(parameters), environment.Tags)
        {
            RequiresApproval = environment.RequiresApproval,
            TerminationProtection = environment.TerminationProtection,
        };
    }

    /// <param name="physicalIds">The stack's resources, logical id → physical id: functions are found by logical id, whatever AWS named them.</param>
    public static RolloutRequest Rollout(
        ProjectEnvironment environment, IReadOnlyList<UploadedCode> code, IReadOnlyDictionary<string, string> physicalIds) => new(
        environment.Functions
            .Select(f => code.FirstOrDefault(c => c.Function == f.Name) is { } uploaded
                ? new FunctionDeployment(physicalIds.GetValueOrDefault(f.LogicalId) ?? f.FunctionName ?? f.LogicalId,
                    environment.ArtifactBucket, uploaded.Key, uploaded.CodeSha256)
                {
                    Name = f.Name,
                    AliasName = f.AliasName,
                    AliasOwner = f.AliasOwner,
                }
                : throw new DeployException(
                    $"No uploaded package for function {f.Name} of {environment.Project}: run Package and Upload first (./build.sh Upload --env {environment.Environment})."))
            .ToList(),
        environment.Rollout,
        environment.Alarms);
}
