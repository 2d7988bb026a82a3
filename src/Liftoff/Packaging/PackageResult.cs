namespace Liftoff.Packaging;

public enum PackageOutcome
{
    /// <summary>The ZIP was written (and verified) in this run.</summary>
    Packaged,

    /// <summary>The inputs hash equalled the manifest's and the ZIP on disk is intact: reused as is.</summary>
    UpToDate,
}

/// <summary>What packaging one function gave.</summary>
public sealed record PackageResult(Artifact Artifact, PackageOutcome Outcome, TimeSpan Elapsed)
{
    public string Status => Outcome == PackageOutcome.UpToDate ? "up to date" : "packaged";

    /// <summary>What the handler check had to say without failing (a local runtime older than the function's).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
