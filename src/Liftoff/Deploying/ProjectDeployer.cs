using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying.Code;
using Liftoff.Deploying.FrontEnd;
using Liftoff.Deploying.Locking;
using Liftoff.Aws.Requests;
using Liftoff.Deploying.Stacks;
using Liftoff.Deploying.Templates;
using Liftoff.Uploading;
using Liftoff.Packaging;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.Deploying;

/// <summary>
/// One project's deploy to one environment, in order: compare with the live release (no-op fast path),
/// take the deployment lock, start the ledger record, change set, execute, code rollout, front-end publish,
/// and finish the record whatever the outcome. The artifacts are uploaded beforehand (the Upload target).
/// </summary>
public sealed class ProjectDeployer(
    AwsClients clients,
    RequestBudgets gates,
    IAnsiConsole console,
    ReleaseActor actor,
    GitRevision? git,
    string rootDirectory,
    TimeProvider? clock = null)
{
    public async Task<ProjectDeployResult> DeployAsync(
        ProjectEnvironment environment, ArtifactManifest manifest, DeployOptions options, ApprovalGate approval,
        CancellationToken cancellationToken)
    {
        var code = CodeOf(environment, manifest);
        // What is recorded and compared is the template as deployed to this environment (code locations and settings
        // written in), so a changed setting is a changed release.
        var template = DeployedTemplate.Render(await StackTemplate.LoadAsync(environment.TemplatePath, cancellationToken),
            environment, code.ToDictionary(c => c.Function, c => c.Key, StringComparer.Ordinal));
        var stack = DeployInputs.Stack(environment, template, code);
        var assets = AssetsOf(environment, manifest);
        var ledger = new ReleaseLedger(clients.S3, environment.ArtifactBucket, clock);
        var draft = new Release
        {
            Kind = ReleaseKind.Deploy,
            Project = environment.Project,
            Environment = environment.Environment,
            Git = git,
            Actor = actor,
            Artifacts = code.Select(c => new ReleaseArtifact(c.Function, HexOf(c.CodeSha256), c.Key)).ToList(),
            StackParameters = RecordedParameters.Of(stack.Parameters, template.NoEchoParameters(), environment.Project, environment.Environment),
            TemplateSha256 = template.Sha256Hex,
            Assets = assets is null ? null : SiteAsset.ToReleaseAssets(assets),
        };

        var live = await ledger.LastSuccessfulAsync(environment.Project, environment.Environment, cancellationToken);
        var reasons = ReleaseDifference.Between(live, draft);
        if (reasons.Count == 0 && !options.Force)
        {
            console.MarkupLine($"[green]{Markup.Escape(environment.Project)}: up to date[/] [grey](release {Markup.Escape(live!.Id)})[/]");
            return new(environment.Project, environment.Environment, ProjectDeployOutcome.UpToDate, reasons, Release: live);
        }
        console.MarkupLine($"{Markup.Escape(environment.Project)}: deploying ({Markup.Escape(string.Join(", ", reasons.DefaultIfEmpty("--force")))})");

        var stacks = new StackDeployer(clients.CloudFormation, gates.CloudFormation, console, clock);
        var rollout = new CodeRollout(clients.Lambda, clients.CloudWatch, gates, console, clock);
        async Task ShowRolloutPlan(ChangeSetPlan plan, CancellationToken token) =>
            await ShowPlanAsync(rollout, DeployInputs.Rollout(environment, code, plan.CreatesStack
                ? new Dictionary<string, string>() : (await stacks.ReadOutputsAsync(environment.StackName, token)).Resources), token);
        stack = stack with { Template = await ForTheStackAsync(environment, stack, cancellationToken) };

        if (options.DryRun)
        {
            var planned = await stacks.DeployAsync(stack, options, approval, cancellationToken, ShowRolloutPlan);
            return new(environment.Project, environment.Environment, ProjectDeployOutcome.DryRun, reasons, planned);
        }

        await using var lease = await new DeploymentLock(clients.S3, environment.ArtifactBucket, clock: clock)
            .AcquireAsync(environment.Project, environment.Environment, actor, cancellationToken);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        var token = linked.Token;
        var release = await ledger.StartAsync(draft, token);
        RolloutResult? rolled = null;
        RolloutRequest? rolloutRequest = null;
        try
        {
            var started = Now();
            var source = await new TemplateUploader(clients.S3, environment.ArtifactBucket, environment.Region, environment.EndpointUrl)
                .PrepareAsync(environment.Project, stack.Template.Body, token);
            var deployed = await stacks.DeployAsync(stack with { Template = stack.Template with { Url = source.Url } }, options, approval, token, ShowRolloutPlan);
            release = release.WithPhase("stack", started, Now());
            await DeployedTemplateFile.WriteAsync(rootDirectory, environment.Project, environment.Environment, stack.Template.Body, token);

            started = Now();
            // Functions are found by logical id: AWS names them unless the template does.
            rolloutRequest = DeployInputs.Rollout(environment, code, (await stacks.ReadOutputsAsync(environment.StackName, token)).Resources);
            rolled = await rollout.RunAsync(rolloutRequest, token);
            release = release.WithPhase("rollout", started, Now()) with { FunctionVersions = VersionsByFunction(rolloutRequest, rolled) };

            FrontEndPublishResult? published = null;
            if (assets is not null && environment.Outputs.SiteBucket is { } site)
            {
                started = Now();
                var outputs = await stacks.ReadOutputsAsync(environment.StackName, token);
                published = await new FrontEndPublisher(clients.S3)
                    .PublishAsync(outputs.Require(site.OutputName, site.LogicalId), assets, live?.Assets, token);
                release = release.WithPhase("front end", started, Now()) with
                {
                    ChangedPaths = published.ChangedPaths,
                    DeletedPaths = published.DeletedPaths,
                };
            }

            release = await ledger.CompleteAsync(release, token);
            return new(environment.Project, environment.Environment, ProjectDeployOutcome.Deployed, reasons, deployed, rolled, published, release);
        }
        catch (RolloutFailedException e)
        {
            // The alarm already sent traffic back: the release is recorded as rolled back, with what was published.
            await ledger.MarkRolledBackAsync(release with { FunctionVersions = VersionsByFunction(rolloutRequest!, e.Result) }, e.Message, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            if (rolled is not null) release = release with { FunctionVersions = VersionsByFunction(rolloutRequest!, rolled) };
            await ledger.FailAsync(release, e, CancellationToken.None);
            throw;
        }
    }

    private async Task ShowPlanAsync(CodeRollout rollout, RolloutRequest request, CancellationToken cancellationToken) =>
        CodeRollout.Write(console, await rollout.PlanAsync(request, cancellationToken));

    private DateTimeOffset Now() => (clock ?? TimeProvider.System).GetUtcNow();

    /// <summary>
    /// The template CloudFormation gets. AWS runs SAM's transform itself (CAPABILITY_AUTO_EXPAND); the local AWS does
    /// not, so there the template goes expanded by the same translator.
    /// </summary>
    private async Task<StackTemplate> ForTheStackAsync(ProjectEnvironment environment, StackDeployment stack, CancellationToken cancellationToken) =>
        environment.Serverless && environment.EndpointUrl is not null
            ? await new SamTranslator(rootDirectory).ExpandAsync(stack.Template, stack.Parameters, environment.Region, cancellationToken)
            : stack.Template;

    /// <summary>Each function's and layer's package from the manifest: its S3 key (content-addressed) and CodeSha256.</summary>
    private static IReadOnlyList<UploadedCode> CodeOf(ProjectEnvironment environment, ArtifactManifest manifest) =>
        environment.Functions.Select(f => f.Name).Concat(environment.Layers.Select(l => l.Name))
            .Select(name => manifest.Find(environment.Project, name) is { } artifact
                ? new UploadedCode(name, artifact.ObjectKey, artifact.Sha256Base64)
                : throw new DeployException(
                    $"{ArtifactManifest.RelativePath} has no package for {environment.Project}/{name}. " +
                    $"Run ./build.sh Upload --env {environment.Environment} --project {environment.Project} (it packages first)."))
            .ToList();

    private IReadOnlyList<SiteAsset>? AssetsOf(ProjectEnvironment environment, ArtifactManifest manifest)
    {
        if (environment.FrontEnd is null || manifest.FindFrontEnd(environment.Project) is not { } frontEnd) return null;
        var folder = frontEnd.FullSourceDirectory(rootDirectory);
        return frontEnd.Assets
            .Select(a => new SiteAsset(a.Path, a.Sha256Hex, a.Size, a.ContentType, a.CacheControl, Path.Combine(folder, a.Path.Replace('/', Path.DirectorySeparatorChar))))
            .ToList();
    }

    /// <summary>The ledger keys versions by the function's name in project.yaml; the rollout by its Lambda name.</summary>
    private static IReadOnlyDictionary<string, string> VersionsByFunction(RolloutRequest request, RolloutResult result) =>
        request.Functions
            .Where(f => result.PublishedVersions.ContainsKey(f.FunctionName))
            .ToDictionary(f => f.Name, f => result.PublishedVersions[f.FunctionName], StringComparer.Ordinal);

    private static string HexOf(string base64) => Convert.ToHexStringLower(Convert.FromBase64String(base64));
}
