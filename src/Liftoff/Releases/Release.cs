using System.Text.Json.Serialization;

namespace Liftoff.Releases;

public enum ReleaseKind { Deploy, Rollback }

/// <summary>
/// How a release ended. Cancelled: stopped before it finished, by a signal (Ctrl-C, SIGTERM), because another run took
/// its lock over, or (closed by a later run) killed without a word; <see cref="Release.LeftInFlight"/> says what it
/// left unfinished. Records written before Cancelled existed read as they were.
/// </summary>
public enum ReleaseStatus { InProgress, Succeeded, Failed, RolledBack, Cancelled }

/// <summary>
/// One deploy or rollback of one project to one environment: the ledger's record of what went live, from
/// what, by whom, and how it ended. SmokeTest, InvalidateCdn and Rollback read it instead of guessing.
/// Build a draft with the inputs and hand it to <see cref="ReleaseLedger.StartAsync"/>, which assigns
/// <see cref="Id"/> and <see cref="StartedAt"/>.
/// </summary>
public sealed record Release
{
    /// <summary>Sortable by time: <c>20261123T103000Z-3f9c1a</c>. See <see cref="ReleaseId"/>.</summary>
    public string Id { get; init; } = "";
    public required ReleaseKind Kind { get; init; }
    public required string Project { get; init; }
    public required string Environment { get; init; }
    public ReleaseStatus Status { get; init; } = ReleaseStatus.InProgress;

    public GitRevision? Git { get; init; }
    public required ReleaseActor Actor { get; init; }

    public IReadOnlyList<ReleaseArtifact> Artifacts { get; init; } = [];
    /// <summary>Function name (as in project.yaml) → the Lambda version the alias <c>live</c> points to after this release.</summary>
    public IReadOnlyDictionary<string, string> FunctionVersions { get; init; } = new Dictionary<string, string>();
    /// <summary>The parameters the stack was deployed with; NoEcho ones only as a masked fingerprint (<see cref="RecordedParameters"/>): the record is plain JSON.</summary>
    public IReadOnlyDictionary<string, string> StackParameters { get; init; } = new Dictionary<string, string>();
    public string? TemplateSha256 { get; init; }
    public ReleaseAssets? Assets { get; init; }
    public IReadOnlyList<string> ChangedPaths { get; init; } = [];
    public IReadOnlyList<string> DeletedPaths { get; init; } = [];
    /// <summary>The CDN invalidation of <see cref="ChangedPaths"/> and <see cref="DeletedPaths"/>, once InvalidateCdn (or Rollback) made it.</summary>
    public ReleaseInvalidation? Invalidation { get; init; }

    /// <summary>The stack as this release left it (status, and when it was last changed), checked by the next deploy against what is live.</summary>
    public ReleaseStack? Stack { get; init; }

    /// <summary>
    /// For a release that stopped before it finished: what it left in flight in AWS (a stack operation still running, an
    /// alias between versions, code on $LATEST that is not live), as seen by itself or by the later run that closed it.
    /// </summary>
    public IReadOnlyList<string> LeftInFlight { get; init; } = [];

    /// <summary>For a record an interrupted run left in progress: the release that found it and closed it.</summary>
    public string? ClosedBy { get; init; }

    /// <summary>For a rollback: the release whose state it restored.</summary>
    public string? RestoredReleaseId { get; init; }

    /// <summary>The last smoke test of this release (absent in records written before SmokeTest existed).</summary>
    public ReleaseSmokeTest? SmokeTest { get; init; }

    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public IReadOnlyList<ReleasePhase> Phases { get; init; } = [];
    public string? Error { get; init; }

    [JsonIgnore]
    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>Adds the timing of one step (stack, rollout, front end...) of this release.</summary>
    public Release WithPhase(string name, DateTimeOffset startedAt, DateTimeOffset finishedAt) =>
        this with { Phases = [.. Phases, new ReleasePhase(name, startedAt, (long)(finishedAt - startedAt).TotalMilliseconds)] };
}

/// <summary>The stack after a release: its status and its last change (LastUpdatedTime, else CreationTime; moto sets only the latter).</summary>
public sealed record ReleaseStack(string Status, DateTimeOffset? ChangedAt)
{
    /// <summary>
    /// Set when this release made no change set: the live release it found with the same template and parameters and the
    /// stack as that release left it. Absent: the stack went through a change set (and in records from before this existed).
    /// </summary>
    public string? UnchangedSince { get; init; }
}

/// <summary>One function's package as deployed: its content hash and where it lies in the artifact bucket.</summary>
public sealed record ReleaseArtifact(string Function, string Sha256Hex, string Key);

/// <summary>The front end as published: the manifest's hash (quick equality) and every file with its hash and headers.</summary>
public sealed record ReleaseAssets(string ManifestSha256, IReadOnlyList<ReleaseAsset> Files);

public sealed record ReleaseAsset(string Path, string Sha256Hex, long Size, string ContentType, string CacheControl);

public sealed record ReleasePhase(string Name, DateTimeOffset StartedAt, long DurationMs);

/// <summary>How a release's smoke checks went: each check's outcome, and the response of one that failed.</summary>
public sealed record ReleaseSmokeTest(bool Passed, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, IReadOnlyList<ReleaseSmokeCheck> Checks);

/// <summary>One smoke check's outcome. <see cref="Response"/> (the start of the body or the function's result) is kept for a failed check.</summary>
public sealed record ReleaseSmokeCheck(
    string Name, string Kind, bool Passed, int Attempts, long LatencyMs, int? Status = null, string? Failure = null, string? Response = null);

/// <summary>A CloudFront invalidation made for a release: the distribution, the invalidation's id and the paths it covers.</summary>
public sealed record ReleaseInvalidation(string DistributionId, string Id, IReadOnlyList<string> Paths, DateTimeOffset CreatedAt, string Status);
