using Liftoff.Aws;
using Liftoff.Aws.Local;
using Liftoff.Components;
using Liftoff.Deploying.Locking;
using Liftoff.Engine;
using Liftoff.Releases;
using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Reliability;

/// <summary>
/// A small repository (project shop: one Node function, a front end of a page and a stylesheet) deployed once to its
/// own moto as the local environment, with a canary rollout so that every later deploy shifts traffic. Each
/// <see cref="NextVersionAsync"/> changes the code and the site and packages and uploads them, ready for a deploy.
/// </summary>
public sealed class ShopFixture : IAsyncLifetime
{
    public const string Project = "shop";
    public const string Bucket = "shop-artifacts-local";
    private readonly TempRepository _repository = new();
    private MotoServer? _moto;
    private int _version;

    public string Root => _repository.Root;
    public string Endpoint => _moto!.Endpoint;
    public AwsClients Clients { get; private set; } = null!;
    public string FunctionName => $"{Project}-local-lambda-api";

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        _moto = await MotoServer.StartAsync(MotoServer.FreePort(), CancellationToken.None);
        Clients = AwsClients.Create(new AwsConnection("us-east-1", _moto.Endpoint, null));
        WriteRepository();
        await NextVersionAsync();
        var first = await RunAsync("Deploy --env local --skip");
        if (first.ExitCode != 0) throw new InvalidOperationException($"The first deploy failed:\n{first.Output}");
    }

    /// <summary>New code and a new site, packaged and uploaded: the next deploy has something to change everywhere.</summary>
    public async Task NextVersionAsync()
    {
        var version = Interlocked.Increment(ref _version);
        _repository
            .Write("projects/shop/api/index.js", $"exports.handler = async () => ({{ statusCode: 200, body: 'version {version}' }});\n")
            .Write("projects/shop/site/src/index.html", $"<link rel=\"stylesheet\" href=\"app.css\"><h1>shop {version}</h1>\n")
            .Write("projects/shop/site/src/app.css", $"h1 {{ color: #{version:x6} }}\n");
        var upload = await RunAsync("Upload --env local");
        if (upload.ExitCode != 0) throw new InvalidOperationException($"Upload failed:\n{upload.Output}");
    }

    /// <summary>Runs the build in this process, as ./build.sh would (no test hook: the process environment is not read).</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(string commandLine)
    {
        var output = new StringWriter();
        var environment = new Dictionary<string, string> { ["NO_COLOR"] = "1" };
        var exitCode = await new ShopBuild().RunAsync(new BuildInvocation(commandLine.Split(' '), environment, output, false, Root), [], CancellationToken.None);
        return (exitCode, output.ToString());
    }

    public ReleaseLedger Ledger => new(Clients.S3, Bucket);

    public DeploymentLock Lock => new(Clients.S3, Bucket);

    public async Task DisposeAsync()
    {
        Clients.Dispose();
        if (_moto is not null) await _moto.DisposeAsync();
        _repository.Dispose();
    }

    private void WriteRepository() => _repository
        .Folder(".nuke")
        .Write("environments.yaml", $"""
            environments:
              local:
                region: us-east-1
                endpointUrl: {_moto!.Endpoint}
                artifactBucket: shop-artifacts-{"{env}"}
                rollout:
                  strategy: canary
                  percent: 10
                  intervalMinutes: 0
            """)
        .Write("projects/shop/project.yaml", ValidRepository.ProjectWith("""
            frontEnd:
              source: site
              build: mkdir -p dist && cp src/* dist/
              output: site/dist
            outputs:
              siteBucket: { output: SiteBucketName, resource: Site }
            """))
        .Write("projects/shop/template.yaml", ValidRepository.DeployableTemplate("  SiteBucketName: {Value: !Ref Site}"));

    private sealed class ShopBuild : LiftoffBuild, IDeploy;
}
