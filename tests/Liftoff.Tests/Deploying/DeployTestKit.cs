using System.IO.Compression;
using System.Security.Cryptography;
using Liftoff.Deploying;
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

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
