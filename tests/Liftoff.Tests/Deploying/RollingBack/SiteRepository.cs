using Liftoff.Components;
using Liftoff.Engine;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Deploying.RollingBack;

/// <summary>
/// A repository of small projects for the local environment on a test's moto, each a node function and a front end
/// of plain files (its build command does nothing: the test writes the built files), behind a CloudFront distribution
/// the test creates through CloudFront's API. moto creates no distribution from a template and keeps no outputs for a
/// stack made through a change set, so the template carries the distribution's id as the physical id of a log group,
/// which is where Liftoff looks when an output is missing (outputs.distributionId's resource), as it would on AWS.
/// </summary>
internal sealed class SiteRepository : IDisposable
{
    // ValidRepository's deployable template with the distribution's id as a parameter, held by a log group, and
    // outputs for the site bucket and the distribution.
    private static readonly string Template = ValidRepository.DeployableTemplate(
            outputs: "  SiteBucketName: {Value: !Ref Site}\n  DistributionId: {Value: !Ref DistributionId}",
            resources: """
                  DistributionIdHolder:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: !Ref DistributionId
                      RetentionInDays: 7

                """)
        .Replace("  ApiCodeKey: {Type: String}\n", "  ApiCodeKey: {Type: String}\n  DistributionId: {Type: String}\n");

    private readonly TempRepository _repository;

    public SiteRepository(string endpoint, string bucket)
    {
        Bucket = bucket;
        _repository = new TempRepository().OnLocalAws(endpoint, bucket);
    }

    public string Root => _repository.Root;
    public string Bucket { get; }

    /// <summary>
    /// Adds a project whose site is <paramref name="files"/> (path → content) and whose handler answers <paramref name="version"/>;
    /// <paramref name="more"/> is added to its project.yaml as written.
    /// </summary>
    public SiteRepository Project(string name, string distributionId, string version, IReadOnlyDictionary<string, string> files, string more = "")
    {
        _repository.Write($"projects/{name}/project.yaml", ValidRepository.ProjectWith(source: "functions/api", more: $"""
            stackParameters:
              DistributionId: {distributionId}
            frontEnd:
              source: web
              build: "true"
              output: web/dist
            outputs:
              siteBucket: {"{"} output: SiteBucketName, resource: Site {"}"}
              distributionId: {"{"} output: DistributionId, resource: DistributionIdHolder {"}"}
            """) + "\n" + more);
        _repository.Write($"projects/{name}/template.yaml", Template);
        return Release(name, version, files);
    }

    /// <summary>The project's template with <paramref name="line"/> added at its top (a new template, the same resources).</summary>
    public SiteRepository ChangeTemplate(string name, string line)
    {
        _repository.Write($"projects/{name}/template.yaml", line + "\n" + Template);
        return this;
    }

    /// <summary>The next version of a project: its handler, and its built site replaced by <paramref name="files"/>.</summary>
    public SiteRepository Release(string name, string version, IReadOnlyDictionary<string, string> files)
    {
        _repository.Write($"projects/{name}/functions/api/index.js",
            $"exports.handler = async () => ({{ statusCode: 200, body: '{version}' }});\n");
        var dist = Path.Combine(Root, "projects", name, "web", "dist");
        if (Directory.Exists(dist)) Directory.Delete(dist, recursive: true);
        foreach (var (path, content) in files) _repository.Write($"projects/{name}/web/dist/{path}", content);
        return this;
    }

    public Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => ComponentRun.RunAsync<ReleaseBuild>(Root, arguments);

    public void Dispose() => _repository.Dispose();

    internal sealed class ReleaseBuild : LiftoffBuild, IDeploy, IRollback, IReleases, IInvalidateCdn;
}

/// <summary>
/// One moto and one <see cref="SiteRepository"/> for a test class: each test adds its own project and names it with
/// --project, so the template is linted once (cfn-lint's cache is per repository) and stacks never collide.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private SiteRepository? _repository;

    public MotoFixture Moto { get; } = new();

    internal SiteRepository Repository => _repository ?? throw new InvalidOperationException("The fixture is not started.");

    public async Task InitializeAsync()
    {
        await Moto.InitializeAsync();
        _repository = new SiteRepository(Moto.Endpoint, MotoS3.UniqueBucket("rollback"));
    }

    public async Task DisposeAsync()
    {
        _repository?.Dispose();
        await Moto.DisposeAsync();
    }
}
