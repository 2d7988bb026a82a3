using Spectre.Console;
using Spectre.Console.Rendering;

namespace Liftoff.Uploading;

/// <summary>One table per project: which artifacts were sent and which were already in the bucket.</summary>
public static class UploadTable
{
    public static IRenderable Render(ProjectUploadResult result)
    {
        var title = $"[bold]{Markup.Escape(result.Project)}[/] → s3://{Markup.Escape(result.Bucket)}"
            + (result.BucketState == BucketState.Created ? " [green](bucket created)[/]" : "");
        if (result.Uploads.Count == 0) return new Markup($"{title}: no functions to upload.\n");
        return Render(title, result.Uploads);
    }

    private static Table Render(string title, IReadOnlyList<UploadedArtifact> uploads)
    {
        var table = new Table()
            .Title(title)
            .AddColumn("Function")
            .AddColumn("Key")
            .AddColumn(new TableColumn("Size").RightAligned())
            .AddColumn("Result")
            .AddColumn(new TableColumn("Sent").RightAligned())
            .AddColumn(new TableColumn("Time").RightAligned());
        foreach (var u in uploads)
            table.AddRow(
                Markup.Escape(u.Function),
                Markup.Escape(u.Key),
                Bytes(u.Size),
                u.Outcome switch
                {
                    UploadOutcome.Uploaded => u.Multipart ? "[green]uploaded (multipart)[/]" : "[green]uploaded[/]",
                    UploadOutcome.AlreadySent => "[grey]sent before[/]",
                    _ => "[grey]already present[/]",
                },
                Bytes(u.BytesSent),
                $"{u.Duration.TotalSeconds:0.00} s");
        return table;
    }

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KiB",
        _ => $"{bytes / (1024.0 * 1024):0.0} MiB",
    };
}
