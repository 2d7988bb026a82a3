using Liftoff.Configuration;
using Liftoff.Deploying.Code;
using Liftoff.Deploying.FrontEnd;
using Liftoff.Deploying.Stacks;
using Liftoff.Packaging;
using Liftoff.Releases;

namespace Liftoff.Deploying;

/// <summary>
/// What one project's deploy works from, read before anything touches AWS: the packaged code (from the
/// manifest), the template, the stack and rollout to send, the front end's files, and the release as it would be
/// recorded — which the deploy first compares with the live one.
/// </summary>
internal sealed record ProjectDeployment(
    ProjectEnvironment Environment,
    StackDeployment Stack,
    RolloutRequest Rollout,
    IReadOnlyList<SiteAsset>? Assets,
    Release Draft)
{
    public string Project => Environment.Project;

    public static async Task<ProjectDeployment> ReadAsync(
        ProjectEnvironment environment, ArtifactManifest manifest, string rootDirectory, GitRevision? git, ReleaseActor actor,
        CancellationToken cancellationToken)
    {
        var code = CodeOf(environment, manifest);
        var template = await StackTemplate.LoadAsync(environment.TemplatePath, cancellationToken);
        var stack = DeployInputs.Stack(environment, template, code);
        var assets = environment.FrontEnd is not null && manifest.FindFrontEnd(environment.Project) is { } frontEnd
            ? SiteAsset.From(frontEnd, rootDirectory)
            : null;
        var draft = new Release
        {
            Kind = ReleaseKind.Deploy,
            Project = environment.Project,
            Environment = environment.Environment,
            Git = git?.ForProject(Path.GetRelativePath(rootDirectory, environment.ProjectDirectory).Replace('\\', '/')),
            Actor = actor,
            Artifacts = code.Select(c => new ReleaseArtifact(c.Function, HexOf(c.CodeSha256), c.Key)).ToList(),
            StackParameters = RecordedParameters.Of(stack.Parameters, template.NoEchoParameters(), environment.Project, environment.Environment),
            TemplateSha256 = template.Sha256Hex,
            Assets = assets is null ? null : SiteAsset.ToReleaseAssets(assets),
        };
        return new ProjectDeployment(environment, stack, DeployInputs.Rollout(environment, code), assets, draft);
    }

    /// <summary>The ledger keys versions by the function's name in project.yaml; the rollout by its Lambda name.</summary>
    public IReadOnlyDictionary<string, string> VersionsByFunction(RolloutResult result) =>
        Environment.Functions
            .Where(f => result.PublishedVersions.ContainsKey(f.FunctionName))
            .ToDictionary(f => f.Name, f => result.PublishedVersions[f.FunctionName], StringComparer.Ordinal);

    /// <summary>Each function's package from the manifest: its S3 key (content-addressed) and CodeSha256.</summary>
    private static IReadOnlyList<UploadedCode> CodeOf(ProjectEnvironment environment, ArtifactManifest manifest) =>
        environment.Functions.Select(f => manifest.Find(environment.Project, f.Name) is { } artifact
                ? new UploadedCode(f.Name, artifact.ObjectKey, artifact.Sha256Base64)
                : throw new DeployException(
                    $"{ArtifactManifest.RelativePath} has no package for {environment.Project}/{f.Name}. " +
                    $"Run ./build.sh Upload --env {environment.Environment} --project {environment.Project} (it packages first)."))
            .ToList();

    private static string HexOf(string base64) => Convert.ToHexStringLower(Convert.FromBase64String(base64));
}
