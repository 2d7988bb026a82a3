using System.IO.Compression;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Liftoff.Components;
using Liftoff.Engine;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;
using Spectre.Console;

namespace Liftoff.Tests.Trust;

/// <summary>
/// A deploy that works, then one that fails in AWS, with distinctive AWS keys, a session token, a NoEcho stack parameter
/// from the environment, a registry token builders see, and a build's own secret parameter: none of those values is in
/// any byte written to stdout, stderr, .nuke/, artifacts/ (the ZIPs unpacked too) or the ledger (every version).
/// </summary>
public sealed class SecretScanTests(MotoFixture moto) : IClassFixture<MotoFixture>, IDisposable
{
    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIASCANTESTKEY7Q2W",
        ["AWS_SECRET_ACCESS_KEY"] = "scanSecret/K7MDENG+bPxRfiCYzEXAMPLEq9",
        ["AWS_SESSION_TOKEN"] = "IQoJb3JpZ2luX2VjEScanSessionTokenZ7x",
        ["SHOP_DB_PASSWORD"] = "db-password-scan-4f8a1c",
        ["NPM_TOKEN"] = "npm_scanRegistryToken93kd",
        ["LIFTOFF_RELEASE_TOKEN"] = "release-token-scan-b52e",
    };

    private readonly string _bucket = $"trust-scan-{Guid.NewGuid():N}"[..36];
    private readonly TempRepository _repository = TrustRepository.Create(moto.Endpoint, "placeholder-bucket");

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task No_secret_is_in_anything_a_deploy_and_a_failed_deploy_wrote()
    {
        _repository.Write("environments.yaml", File.ReadAllText(Path.Combine(_repository.Root, "environments.yaml")).Replace("placeholder-bucket", _bucket));
        // The function's build prints what it is given; the build's own target prints its secret and the AWS key.
        _repository.Write("projects/shop/project.yaml", TrustRepository.Project + "\n    build: echo \"registry $NPM_TOKEN\"; env\n");
        var environment = TrustBuild.BaseEnvironment([.. Secrets.Select(s => (s.Key, s.Value))]);

        var deployed = await RunAsync("Deploy Announce --env dev", environment);
        // New code for an environment that needs approval, from CI without --approve: the deploy takes the lock, records
        // the release, makes the change set, then stops and records the release as failed.
        _repository.Write("projects/shop/api/index.js", TrustRepository.Handler.Replace("'shop'", "'shop v2'"));
        _repository.Write("environments.yaml", File.ReadAllText(Path.Combine(_repository.Root, "environments.yaml")) + "\n    requiresApproval: true\n");
        var failed = await RunAsync("Deploy Announce --env dev", new Dictionary<string, string>(environment) { ["CI"] = "true" });

        Assert.True(deployed.ExitCode == 0, deployed.Output);
        Assert.True(failed.ExitCode == 1, failed.Output);
        Assert.Contains("Environment dev requires approval to change stack shop-dev, and none was given.", failed.Text);
        var written = new List<(string Where, string Text)>
        {
            ("stdout and stderr of the deploy", deployed.Output),
            ("stdout and stderr of the failed deploy", failed.Output),
        };
        written.AddRange(Files(".nuke"));
        written.AddRange(Files("artifacts"));
        written.AddRange(await LedgerAsync());
        Assert.Contains(written, w => w.Where.StartsWith("s3://", StringComparison.Ordinal) && w.Text.Contains("\"status\": \"failed\""));
        Assert.Contains(written, w => w.Where.Contains(".zip!", StringComparison.Ordinal));
        var found = (from w in written from s in Secrets where w.Text.Contains(s.Value, StringComparison.Ordinal) select $"{s.Key} in {w.Where}").ToList();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    private Task<BuildRun> RunAsync(string commandLine, Dictionary<string, string> environment) =>
        TrustBuild.RunAsync<ScanBuild>(_repository.Root, commandLine, environment);

    /// <summary>Every file under a folder of the repository, and every entry of every ZIP there, as text.</summary>
    private IEnumerable<(string, string)> Files(string folder)
    {
        var root = Path.Combine(_repository.Root, folder);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).LinkTarget is null))
        {
            var relative = Path.GetRelativePath(_repository.Root, file);
            yield return (relative, Encoding.UTF8.GetString(File.ReadAllBytes(file)));
            if (!file.EndsWith(".zip", StringComparison.Ordinal)) continue;
            using var zip = ZipFile.OpenRead(file);
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                yield return ($"{relative}!{entry.FullName}", reader.ReadToEnd());
            }
        }
    }

    /// <summary>Every version of every release record: a record is written when a deploy starts and again when it ends.</summary>
    private async Task<List<(string, string)>> LedgerAsync()
    {
        using var s3 = new AmazonS3Client("testing", "testing", new AmazonS3Config { ServiceURL = moto.Endpoint, ForcePathStyle = true, AuthenticationRegion = moto.Region });
        var versions = await s3.ListVersionsAsync(new ListVersionsRequest { BucketName = _bucket, Prefix = "releases/" });
        var records = new List<(string, string)>();
        foreach (var version in versions.Versions.Where(v => !v.IsDeleteMarker.GetValueOrDefault()))
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = version.Key, VersionId = version.VersionId });
            using var reader = new StreamReader(response.ResponseStream);
            records.Add(($"s3://{_bucket}/{version.Key}?versionId={version.VersionId}", await reader.ReadToEndAsync()));
        }
        return records;
    }

    /// <summary>A build whose author printed secrets: the masker must catch them.</summary>
    private sealed class ScanBuild : LiftoffBuild,
        ICompile, ITest, IPackage, IUpload, IDeploy, ISmokeTest, IInvalidateCdn, IRollback, ILocalAws, IHazAws, IReleases
    {
        [Parameter("A build's own secret"), Secret] public string? ReleaseToken { get; set; }

        public Target Announce => _ => _.After<IDeploy>(x => x.Deploy).AssuredAfterFailure().Executes(() =>
        {
            Console.WriteLine($"releasing with {ReleaseToken} as {EnvironmentInfo.GetVariable("AWS_ACCESS_KEY_ID")}");
            Serilog.Log.Information("session {Token}", EnvironmentInfo.GetVariable("AWS_SESSION_TOKEN"));
        });
    }
}
