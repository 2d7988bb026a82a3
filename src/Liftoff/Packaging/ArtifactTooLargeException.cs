using System.Text;
using Liftoff.Packaging.Zip;

namespace Liftoff.Packaging;

/// <summary>An artifact over Lambda's size limits, with what to trim: its ten largest entries.</summary>
public sealed class ArtifactTooLargeException(string artifact, ZipArchiveSummary summary, ArtifactLimits limits)
    : PackagingException(Describe(artifact, summary, limits))
{
    public long UncompressedSize => summary.UncompressedSize;
    public long CompressedSize => summary.ArchiveSize;
    public IReadOnlyList<ZipEntryWritten> LargestEntries => Largest(summary);

    public static bool Exceeds(ZipArchiveSummary summary, ArtifactLimits limits) =>
        summary.UncompressedSize > limits.MaxUnzippedBytes || summary.ArchiveSize > limits.MaxZippedBytes;

    private static IReadOnlyList<ZipEntryWritten> Largest(ZipArchiveSummary summary) =>
        summary.Entries.OrderByDescending(e => e.Size).ThenBy(e => e.Name, StringComparer.Ordinal).Take(10).ToList();

    private static string Describe(string artifact, ZipArchiveSummary summary, ArtifactLimits limits)
    {
        var text = new StringBuilder()
            .Append($"The artifact of {artifact} is too large for Lambda: ")
            .Append($"{ByteSize.Format(summary.UncompressedSize)} unzipped (limit {ByteSize.Format(limits.MaxUnzippedBytes)}), ")
            .AppendLine($"{ByteSize.Format(summary.ArchiveSize)} zipped (limit {ByteSize.Format(limits.MaxZippedBytes)}).")
            .AppendLine("Its ten largest entries (unzipped, zipped, name):");
        foreach (var entry in Largest(summary))
            text.AppendLine($"  {ByteSize.Format(entry.Size),10}  {ByteSize.Format(entry.CompressedSize),10}  {entry.Name}");
        return text.Append("Leave out what the function does not need at run time (exclude: in project.yaml), ")
            .Append("move large dependencies to a Lambda layer, or ship the function as a container image.").ToString();
    }
}
