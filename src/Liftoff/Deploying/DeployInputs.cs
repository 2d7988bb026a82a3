using Liftoff.Configuration;
using Liftoff.Deploying.Code;
using Liftoff.Deploying.Stacks;

namespace Liftoff.Deploying;

/// <summary>One function's uploaded package: the S3 key of its zip and its CodeSha256 (base64 sha256, as Lambda reports it).</summary>
public sealed record UploadedCode(string Function, string Key, string CodeSha256);

/// <summary>Turns a resolved project environment and its uploaded code into what the stack deploy and the rollout take.</summary>
public static class DeployInputs
{
    /// <summary>
    /// The stack's parameters (the configuration's, plus each function's &lt;Name&gt;CodeKey), only those the
    /// template declares, the environment's tags and its approval and protection rules.
    /// </summary>
    public static StackDeployment Stack(ProjectEnvironment environment, StackTemplate template, IReadOnlyList<UploadedCode> code)
    {
        var parameters = new Dictionary<string, string>(environment.StackParameters, StringComparer.Ordinal);
        foreach (var function in environment.Functions)
            if (code.FirstOrDefault(c => c.Function == function.Name) is { } uploaded)
                parameters[function.CodeKeyParameter] = uploaded.Key;
        return new StackDeployment(environment.StackName, environment.Environment, template, template.Declared(parameters), environment.Tags)
        {
            RequiresApproval = environment.RequiresApproval,
            TerminationProtection = environment.TerminationProtection,
        };
    }

    public static RolloutRequest Rollout(ProjectEnvironment environment, IReadOnlyList<UploadedCode> code) => new(
        environment.Functions
            .Select(f => code.FirstOrDefault(c => c.Function == f.Name) is { } uploaded
                ? new FunctionDeployment(f.FunctionName, environment.ArtifactBucket, uploaded.Key, uploaded.CodeSha256)
                : throw new DeployException(
                    $"No uploaded package for function {f.Name} of {environment.Project}: run Package and Upload first (./build.sh Upload --env {environment.Environment})."))
            .ToList(),
        environment.Rollout,
        environment.Alarms);
}
