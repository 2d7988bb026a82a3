using System.IO.Compression;
using System.Security.Cryptography;
using Amazon.S3.Model;
using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying;
using Liftoff.Packaging;
using Liftoff.Deploying.Stacks;
using Spectre.Console.Testing;

namespace Liftoff.Tests.Deploying;

/// <summary>Temp folders for templates and zips, and a console whose output a test can read.</summary>
internal sealed class DeployTestKit : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("liftoff-deploy-").FullName;

    public static TestConsole Console() => new TestConsole().Width(220);

    public async Task<StackTemplate> TemplateAsync(string name, string yaml)
    {
        var path = Path.Combine(Folder, name);
        await File.WriteAllTextAsync(path, yaml);
        return await StackTemplate.LoadAsync(path, CancellationToken.None);
    }

    /// <summary>A Node handler zipped as Lambda takes it, and its CodeSha256 (base64 sha256 of the zip).</summary>
    public (string Path, string CodeSha256) Zip(string name, string handlerSource)
    {
        var path = Path.Combine(Folder, name + ".zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry("index.js");
            entry.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var writer = new StreamWriter(entry.Open());
            writer.Write(handlerSource);
        }
        return (path, Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(path))));
    }

    /// <summary>
    /// A stack's part of a deploy where the environment needs no approval, in ProjectDeployer's phases:
    /// plan, show, then execute or discard.
    /// </summary>
    public static async Task<StackDeployResult> DeployStackAsync(StackDeployer stacks, StackDeployment deployment, DeployOptions options)
    {
        var plan = await stacks.PlanAsync(deployment, CancellationToken.None);
        stacks.Show(plan);
        return await stacks.ExecuteOrDiscardAsync(plan, options.DryRun, CancellationToken.None);
    }

    public static StackDeployment Deployment(string stack, StackTemplate template, Dictionary<string, string>? parameters = null) =>
        new(stack, "dev", template, parameters ?? [], new Dictionary<string, string> { ["liftoff:project"] = stack });

    /// <summary>Stands in for Package and Upload: a zip per function in the artifact bucket, and its manifest entry.</summary>
    public async Task<ArtifactManifest> PackageAndUploadAsync(AwsClients clients, ProjectEnvironment environment, string handlerBody = "return { statusCode: 200 };")
    {
        try
        {
            await clients.S3.PutBucketAsync(environment.ArtifactBucket);
        }
        catch (Amazon.S3.AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
        var artifacts = new List<Artifact>();
        foreach (var function in environment.Functions)
        {
            var source = $"exports.handler = async () => {{ {handlerBody} }};\n";
            var (path, sha) = Zip($"{environment.Project}-{function.Name}-{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(source)))[..8]}", source);
            var hex = Convert.ToHexStringLower(Convert.FromBase64String(sha));
            var artifact = new Artifact(environment.Project, function.Name, function.Runtime, function.Handler, hex, sha,
                new FileInfo(path).Length, 0, 1, "inputs", path);
            await clients.S3.PutObjectAsync(new PutObjectRequest { BucketName = environment.ArtifactBucket, Key = artifact.ObjectKey, FilePath = path });
            artifacts.Add(artifact);
        }
        var site = Directory.CreateDirectory(Path.Combine(Folder, $"site-{environment.Project}")).FullName;
        var assets = new[] { ("app.css", "h1 { color: navy }", "text/css; charset=utf-8"), ("index.html", "<h1>people</h1>", "text/html; charset=utf-8") }
            .Select(file =>
            {
                File.WriteAllText(Path.Combine(site, file.Item1), file.Item2);
                var bytes = File.ReadAllBytes(Path.Combine(site, file.Item1));
                return new Asset(file.Item1, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, file.Item3, "no-cache");
            })
            .ToList();
        return new ArtifactManifest(artifacts, [new AssetManifest(environment.Project, assets, site)]);
    }

    /// <summary>One manifest holding several projects' packages and front ends, as Package writes it for a run.</summary>
    public static ArtifactManifest Merge(IEnumerable<ArtifactManifest> manifests)
    {
        var all = manifests.ToList();
        return new ArtifactManifest(all.SelectMany(m => m.Artifacts).ToList(), all.SelectMany(m => m.FrontEnds).ToList());
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
