using System.Collections.Concurrent;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Liftoff.Aws.Storage;
using Liftoff.Releases;
using Liftoff.Uploading;
using Spectre.Console;

namespace Liftoff.Deploying.FrontEnd;

/// <summary>
/// Keeps for Rollback what a publish is about to overwrite or delete: each site file the live release recorded, copied
/// inside S3 to <c>kept/site/{project}/{sha256}</c> (<see cref="RollbackCopies"/>) unless that content is kept already
/// (a HEAD each for a few, one listing for many). What no release replaces stays in the site bucket, so a first publish
/// keeps nothing.
/// A file is kept under the recorded hash only when the live object holds that content: the SHA-256 checksum S3 stored
/// with it (Liftoff sends one with every PUT; AWS checks it on arrival, moto believes it), read from a HEAD, else the
/// object read and hashed here; the copy is then made only from that version (If-Match on its ETag) and the copy's own
/// SHA-256 compared once more. A file that holds other content (changed outside Liftoff) or is gone is not kept, and
/// the output says so: the publish goes on, and a later rollback to that release stops, naming the file.
/// </summary>
public sealed class ReplacedSiteFiles(IAmazonS3 s3, string artifactBucket, string project, IAnsiConsole console, int maxParallelCopies = 16)
{
    /// <summary>Keeps the recorded content of <paramref name="leaving"/>; returns how many contents were copied.</summary>
    public async Task<int> KeepAsync(string siteBucket, IReadOnlyList<ReleaseAsset> leaving, CancellationToken cancellationToken)
    {
        if (leaving.Count == 0) return 0;
        var copies = new RollbackCopies(s3, artifactBucket);
        var contents = leaving.Select(f => f.Sha256Hex).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var kept = await copies.KeptSiteFilesAmongAsync(project, contents, cancellationToken);
        var byContent = leaving.Where(f => !kept.Contains(f.Sha256Hex)).GroupBy(f => f.Sha256Hex, StringComparer.OrdinalIgnoreCase).ToList();
        var notKept = new ConcurrentBag<string>();
        var copied = 0;
        await Parallel.ForEachAsync(byContent,
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelCopies, CancellationToken = cancellationToken },
            async (sameContent, ct) =>
            {
                var problems = new List<string>();
                foreach (var file in sameContent) // any one path that still holds the content will do
                {
                    if (await KeepOneAsync(copies, siteBucket, file, ct) is not { } problem)
                    {
                        Interlocked.Increment(ref copied);
                        return;
                    }
                    problems.Add($"{file.Path} {problem}");
                }
                foreach (var problem in problems) notKept.Add(problem);
            });
        if (!notKept.IsEmpty)
            console.MarkupLine($"[yellow]{Markup.Escape(project)}: {notKept.Count} file(s) of the live release were not kept for Rollback " +
                               $"before being replaced: {Markup.Escape(string.Join("; ", notKept.Order(StringComparer.Ordinal)))}. The publish goes on; " +
                               "a rollback to that release will stop and name them.[/]");
        return copied;
    }

    /// <summary>Copies the file aside when it holds the recorded content; null when kept, else why it was not.</summary>
    private async Task<string?> KeepOneAsync(RollbackCopies copies, string siteBucket, ReleaseAsset file, CancellationToken cancellationToken)
    {
        var recorded = ContentHash.Base64FromHex(file.Sha256Hex);
        var head = await s3.HeadOrNullAsync(siteBucket, file.Path, cancellationToken);
        if (head is null) return "is gone from the bucket";
        string? copied;
        try
        {
            var (actual, eTag) = IsWholeObjectChecksum(head.ChecksumSha256Base64)
                ? (head.ChecksumSha256Base64, head.ETag)
                : await HashAsync(siteBucket, file.Path, head.ETag, cancellationToken);
            if (actual != recorded) return "holds other content than the release recorded (changed outside Liftoff?)";
            copied = await copies.CopySiteFileAsync(project, file.Sha256Hex, siteBucket, file.Path, eTag, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.IsPreconditionFailed())
        {
            return "changed while it was being kept";
        }
        if (copied != recorded)
            throw new InvalidOperationException(
                $"The copy of s3://{siteBucket}/{file.Path} kept for Rollback as s3://{artifactBucket}/{RollbackCopies.SiteFileKey(project, file.Sha256Hex)} " +
                $"has SHA-256 {copied ?? "(none given)"}, not the recorded {recorded}: the file changed while it was copied. Nothing in the site " +
                "was changed. Delete that kept object, then run again.");
        return null;
    }

    /// <summary>The object's SHA-256 read from its bytes, and the ETag of the version read (no checksum stored with it).</summary>
    private async Task<(string Sha256Base64, string ETag)> HashAsync(string bucket, string key, string eTag, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key, EtagToMatch = eTag }, cancellationToken);
        var hash = await SHA256.HashDataAsync(response.ResponseStream, cancellationToken);
        return (Convert.ToBase64String(hash), response.ETag);
    }

    // A multipart upload's checksum is of its parts ("...-N"), not of the content.
    private static bool IsWholeObjectChecksum(string? checksum) => checksum is not null && !checksum.Contains('-');
}
