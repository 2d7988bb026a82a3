using System.IO.Compression;
using Amazon.S3;
using Liftoff.Aws.Storage;
using Liftoff.Releases;

namespace Liftoff.Invoking.Local;

/// <summary>
/// A released function's code on this machine: the zip the release recorded, fetched from the artifact bucket,
/// checked against the recorded sha256 and extracted once into a folder named by that hash. What runs is what
/// was released, never the working tree.
/// </summary>
public sealed class ReleasedCode(IAmazonS3 s3, string bucket, string codeDirectory)
{
    /// <returns>The folder holding the extracted code (the function's LAMBDA_TASK_ROOT).</returns>
    public async Task<string> ExtractAsync(ReleaseArtifact artifact, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(codeDirectory, artifact.Sha256Hex);
        if (Directory.Exists(folder)) return folder;

        Directory.CreateDirectory(codeDirectory);
        var partial = $"{folder}.partial-{Guid.NewGuid():N}";
        var zip = partial + ".zip";
        try
        {
            await DownloadAsync(artifact, zip, cancellationToken);
            var sha = ContentHash.Hex(await ContentHash.OfFileAsync(zip, cancellationToken));
            if (!string.Equals(sha, artifact.Sha256Hex, StringComparison.OrdinalIgnoreCase))
                throw new InvokeException(
                    $"s3://{bucket}/{artifact.Key} has sha256 {sha}, but the release recorded {artifact.Sha256Hex}: " +
                    "the artifact was changed after it was released. Deploy again to release a known package.");
            await ZipFile.ExtractToDirectoryAsync(zip, partial, cancellationToken);
            try
            {
                Directory.Move(partial, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another invocation extracted the same zip meanwhile: same hash, same files.
            }
            return folder;
        }
        finally
        {
            if (File.Exists(zip)) File.Delete(zip);
            if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        }
    }

    private async Task DownloadAsync(ReleaseArtifact artifact, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, artifact.Key, cancellationToken);
            await using var file = File.Create(path);
            await response.ResponseStream.CopyToAsync(file, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.IsNotFound())
        {
            throw new InvokeException(
                $"The released code of {artifact.Function} is not in the artifact bucket (s3://{bucket}/{artifact.Key}). " +
                "Deploy again to upload and release it.", e);
        }
    }
}
