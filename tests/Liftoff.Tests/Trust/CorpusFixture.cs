using Amazon.S3;
using Amazon.S3.Model;
using Liftoff.Aws.Local;
using Liftoff.Tests.Aws;
using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Trust;

/// <summary>
/// For the corpus of bad inputs: moto behind a proxy that logs every request, and a golden repository that has been
/// packaged and uploaded through it once (bucket, artifact, manifest, lint cache), which each case copies and breaks.
/// </summary>
public sealed class CorpusFixture : IAsyncLifetime
{
    private MotoServer? _moto;

    internal FaultInjectingProxy Proxy { get; private set; } = null!;
    internal TempRepository Golden { get; private set; } = null!;
    public string Bucket { get; } = $"corpus-{Guid.NewGuid():N}"[..30];

    /// <summary>An S3 client talking to moto directly, not through the proxy: what a case arranges is not counted.</summary>
    public IAmazonS3 DirectS3 { get; private set; } = null!;

    public const string DbPassword = "corpus-db-password-7c1f";

    public async Task InitializeAsync()
    {
        System.Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        System.Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        _moto = await MotoServer.StartAsync(MotoServer.FreePort(), CancellationToken.None);
        Proxy = new FaultInjectingProxy(_moto.Endpoint, (_, _) => Fault.None);
        DirectS3 = new AmazonS3Client("testing", "testing", new AmazonS3Config { ServiceURL = _moto.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        Golden = TrustRepository.Create(Proxy.Endpoint, Bucket);
        var upload = await TrustBuild.RunAsync(Golden.Root, "Upload --env dev", Variables());
        if (upload.ExitCode != 0) throw new InvalidOperationException($"The corpus's golden repository did not upload:\n{upload}");
    }

    /// <summary>What every case runs with: tools' PATH and HOME, and the NoEcho parameter's variable.</summary>
    public static Dictionary<string, string> Variables() => TrustBuild.BaseEnvironment(("SHOP_DB_PASSWORD", DbPassword));

    /// <summary>Creates a bucket in moto directly and puts objects in it.</summary>
    public async Task PutAsync(string bucket, string key, string text)
    {
        try { await DirectS3.PutBucketAsync(bucket); }
        catch (AmazonS3Exception e) when (e.ErrorCode == "BucketAlreadyOwnedByYou") { }
        await DirectS3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = text });
    }

    public async Task DisposeAsync()
    {
        DirectS3.Dispose();
        await Proxy.DisposeAsync();
        Golden.Dispose();
        if (_moto is not null) await _moto.DisposeAsync();
    }
}
