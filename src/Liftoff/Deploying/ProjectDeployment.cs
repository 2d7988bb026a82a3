using Liftoff.Configuration;
using Liftoff.Deploying.Code;
using Liftoff.Deploying.FrontEnd;
using Liftoff.Deploying.Stacks;
using Liftoff.Deploying.Templates;
using Liftoff.Packaging;
using Liftoff.Releases;

namespace Liftoff.Deploying;

/// <summary>
/// What one project's deploy works from, read before anything touches AWS: the packaged code (from the
/// manifest), the template as deployed to this environment (code locations and settings written in; for the local
/// AWS a SAM template expanded), the stack to send, the front end's files, and the release as it would be recorded
/// — which the deploy first compares with the live one, so a changed setting is a changed release. The release
/// records the template CloudFormation gets, which is what GetTemplate's Original stage returns.
/// </summary>
internal sealed record ProjectDeployment(
    ProjectEnvironment Environment,
    StackDeployment Stack,
    IReadOnlyList<UploadedCode> Code,
    IReadOnlyList<SiteAsset>? Assets,
    Release Draft)
{
    public string Project => Environment.Project;

    /// <summary>The rollout of the functions the stack holds (functions are found by logical id: AWS names them unless the template does).</summary>
    public RolloutRequest Rollout(IReadOnlyDictionary<string, string> physicalIds) => DeployInputs.Rollout(Environment, Code, physicalIds);

    public static async Task<ProjectDeployment> ReadAsync(
        ProjectEnvironment environment, ArtifactManifest manifest, string rootDirectory, GitRevision? git, ReleaseActor actor,
        CancellationToken cancellationToken)
    {
        var code = CodeOf(environment, manifest);
        var template = DeployedTemplate.Render(await StackTemplate.LoadAsync(environment.TemplatePath, cancellationToken),
            environment, code.ToDictionary(c => c.Function, c => c.Key, StringComparer.Ordinal));
        var stack = DeployInputs.Stack(environment, template, code);
        // AWS runs SAM's transform itself (CAPABILITY_AUTO_EXPAND); a local AWS does not, so it gets the template
        // expanded by the same translator (cached, so an unchanged project pays nothing here).
        if (environment.Serverless && environment.EndpointUrl is not null)
            stack = stack with { Template = await new SamTranslator(rootDirectory).ExpandAsync(stack.Template, stack.Parameters, environment.Region, cancellationToken) };
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
            TemplateSha256 = stack.Template.Sha256Hex,
            Assets = assets is null ? null : SiteAsset.ToReleaseAssets(assets),
        };
        return new ProjectDeployment(environment, stack, code, assets, draft);
    }

    /// <summary>The ledger keys versions by the function's name in project.yaml.</summary>
    public static IReadOnlyDictionary<string, string> VersionsByFunction(RolloutResult result) =>
        result.Functions.ToDictionary(f => f.Function, f => f.Version, StringComparer.Ordinal);

    /// <summary>Each function's and layer's package from the manifest: its S3 key (content-addressed) and CodeSha256.</summary>
    private static IReadOnlyList<UploadedCode> CodeOf(ProjectEnvironment environment, ArtifactManifest manifest) =>
        environment.ArtifactNames
            .Select(name => manifest.Find(environment.Project, name) is { } artifact
                ? new UploadedCode(name, artifact.ObjectKey, artifact.Sha256Base64)
                : throw new DeployException(
                    $"{ArtifactManifest.RelativePath} has no package for {environment.Project}/{name}. " +
                    $"Run ./build.sh Upload --env {environment.Environment} --project {environment.Project} (it packages first)."))
            .ToList();

    private static string HexOf(string base64) => Convert.ToHexStringLower(Convert.FromBase64String(base64));
}
