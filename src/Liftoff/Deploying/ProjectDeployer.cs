using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying.Code;
using Liftoff.Deploying.FrontEnd;
using Liftoff.Deploying.Locking;
using Liftoff.Aws.Requests;
using Liftoff.Deploying.Stacks;
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
        var template = await StackTemplate.LoadAsync(environment.TemplatePath, cancellationToken);
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
        await UploadedArtifacts.VerifyAsync(clients.S3, environment.ArtifactBucket, environment.Environment,
            environment.Functions.Select(f => manifest.Find(environment.Project, f.Name)!), cancellationToken);

        var stacks = new StackDeployer(clients.CloudFormation, gates.CloudFormation, console, clock);
        var rollout = new CodeRollout(clients.Lambda, clients.CloudWatch, gates, console, clock);
        var rolloutRequest = DeployInputs.Rollout(environment, code);
        Task ShowRolloutPlan(ChangeSetPlan _, CancellationToken token) => ShowPlanAsync(rollout, rolloutRequest, token);

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
        try
        {
            var started = Now();
            var source = await new TemplateUploader(clients.S3, environment.ArtifactBucket, environment.Region, environment.EndpointUrl)
                .PrepareAsync(environment.Project, template.Body, token);
            var deployed = await stacks.DeployAsync(stack with { Template = template with { Url = source.Url } }, options, approval, token, ShowRolloutPlan);
            release = release.WithPhase("stack", started, Now());

            started = Now();
            rolled = await rollout.RunAsync(rolloutRequest, token);
            release = release.WithPhase("rollout", started, Now()) with { FunctionVersions = VersionsByFunction(environment, rolled) };

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
            await ledger.MarkRolledBackAsync(release with { FunctionVersions = VersionsByFunction(environment, e.Result) }, e.Message, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            if (rolled is not null) release = release with { FunctionVersions = VersionsByFunction(environment, rolled) };
            await ledger.FailAsync(release, e, CancellationToken.None);
            throw;
        }
    }

    private async Task ShowPlanAsync(CodeRollout rollout, RolloutRequest request, CancellationToken cancellationToken) =>
        CodeRollout.Write(console, await rollout.PlanAsync(request, cancellationToken));

    private DateTimeOffset Now() => (clock ?? TimeProvider.System).GetUtcNow();

    /// <summary>Each function's package from the manifest: its S3 key (content-addressed) and CodeSha256.</summary>
    private static IReadOnlyList<UploadedCode> CodeOf(ProjectEnvironment environment, ArtifactManifest manifest) =>
        environment.Functions.Select(f => manifest.Find(environment.Project, f.Name) is { } artifact
                ? new UploadedCode(f.Name, artifact.ObjectKey, artifact.Sha256Base64)
                : throw new DeployException(
                    $"{ArtifactManifest.RelativePath} has no package for {environment.Project}/{f.Name}. " +
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
    private static IReadOnlyDictionary<string, string> VersionsByFunction(ProjectEnvironment environment, RolloutResult result) =>
        environment.Functions
            .Where(f => result.PublishedVersions.ContainsKey(f.FunctionName))
            .ToDictionary(f => f.Name, f => result.PublishedVersions[f.FunctionName], StringComparer.Ordinal);

    private static string HexOf(string base64) => Convert.ToHexStringLower(Convert.FromBase64String(base64));
}
