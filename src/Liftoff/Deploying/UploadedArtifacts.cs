using Amazon.S3;
using Liftoff.Aws.Storage;
using Liftoff.Packaging;

namespace Liftoff.Deploying;

/// <summary>
/// Before a deploy takes the lock or changes anything: every package it will point the stack at is in the artifact bucket
/// as Upload left it (HEAD only). A manifest edited by hand, or a deploy run with --skip before any Upload, stops here
/// instead of failing half-way through a stack update.
/// </summary>
internal static class UploadedArtifacts
{
    public static async Task VerifyAsync(IAmazonS3 s3, string bucket, string environment,
        IEnumerable<Artifact> packages, CancellationToken cancellationToken)
    {
        foreach (var package in packages)
        {
            var stored = await s3.HeadOrNullAsync(bucket, package.ObjectKey, cancellationToken);
            var problem = stored is null ? "is not there"
                : stored.Size != package.Size || (stored.Sha256Hex is { } hex && !string.Equals(hex, package.Sha256Hex, StringComparison.OrdinalIgnoreCase))
                    ? $"is not the package {ArtifactManifest.RelativePath} describes"
                    : null;
            if (problem is not null)
                throw new DeployException(
                    $"The package of {package.Project}/{package.Function}, s3://{bucket}/{package.ObjectKey}, {problem}: nothing was changed. " +
                    $"Run ./build.sh Upload --env {environment} --project {package.Project} (it packages first), then deploy again.");
        }
    }
}
