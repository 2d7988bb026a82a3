using Amazon.S3;
using Liftoff.Aws.Storage;
using Liftoff.Configuration;
using Liftoff.Packaging;
using Liftoff.Uploading;
using Spectre.Console;

namespace Liftoff.Deploying;

/// <summary>
/// Before a deploy takes the lock or changes anything: every package it will point the stack at is in the artifact bucket
/// as Upload left it (HEAD only). Upload trusts its record of what it sent (<see cref="ConfirmedUploads"/>), which an
/// object deleted by hand or a local AWS restarted empty makes stale: what is missing here is sent now, when the file on
/// disk is still the one the manifest describes.
/// A manifest edited by hand, or a deploy run with --skip before any Upload, stops here instead of failing half-way
/// through a stack update.
/// </summary>
internal static class UploadedArtifacts
{
    /// <param name="send">False for a dry run, which sends nothing: a missing package is then an error.</param>
    public static async Task VerifyAsync(IAmazonS3 s3, string bucket, string environment, IEnumerable<Artifact> packages,
        string rootDirectory, IAnsiConsole console, bool send, CancellationToken cancellationToken, UploadedThisRun? thisRun = null)
    {
        // What this run's Upload sent or found by a HEAD a moment ago is there.
        foreach (var package in packages.Where(p => thisRun?.Contains(bucket, p.ObjectKey) != true))
        {
            var stored = await s3.HeadOrNullAsync(bucket, package.ObjectKey, cancellationToken);
            var problem = stored is null ? !send ? "is not there" : await SendAsync(s3, bucket, package, rootDirectory, console, cancellationToken)
                : stored.Size != package.Size || (stored.Sha256Hex is { } hex && !string.Equals(hex, package.Sha256Hex, StringComparison.OrdinalIgnoreCase))
                    ? $"is not the package {ArtifactManifest.RelativePath} describes"
                    : null;
            if (problem is not null)
                throw new DeployException(
                    $"The package of {package.Project}/{package.Function}, s3://{bucket}/{package.ObjectKey}, {problem}: nothing was changed. " +
                    $"Run ./build.sh Upload --env {environment} --project {package.Project} (it packages first), then deploy again.");
        }
    }

    /// <summary>Sends a missing package from disk; null when it went, else why it cannot be (not there, and not on disk as packaged).</summary>
    private static async Task<string?> SendAsync(
        IAmazonS3 s3, string bucket, Artifact package, string rootDirectory, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var file = new FileInfo(package.FullPath(rootDirectory));
        if (!file.Exists || file.Length != package.Size) return "is not there";
        try
        {
            await new ArtifactUploader(s3).UploadAsync(bucket, [ArtifactToUpload.From(package, rootDirectory)], cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return "is not there"; // the ZIP on disk is not the one the manifest names
        }
        console.MarkupLine($"[yellow]{Markup.Escape(package.Project)}: {Markup.Escape(package.ObjectKey)} was not in s3://{Markup.Escape(bucket)} " +
                           "(deleted since this checkout sent it?): sent it again[/]");
        return null;
    }
}
