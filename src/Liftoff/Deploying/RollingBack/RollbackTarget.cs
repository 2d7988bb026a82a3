namespace Liftoff.Deploying.RollingBack;

/// <summary>What a rollback returns to: the release that was live before the live one, or a release named by its id (--to).</summary>
public sealed record RollbackTarget
{
    private RollbackTarget(string? releaseId) => ReleaseId = releaseId;

    /// <summary>The named release's id; null for <see cref="Previous"/>.</summary>
    public string? ReleaseId { get; }

    /// <summary>The newest successful release before the live one whose state differs from it.</summary>
    public static RollbackTarget Previous { get; } = new((string?)null);

    public static RollbackTarget Release(string id) => new(id);

    /// <summary>--to as given: absent or "previous" is <see cref="Previous"/>, anything else a release id.</summary>
    public static RollbackTarget Parse(string? to) =>
        string.IsNullOrWhiteSpace(to) || to.Trim().Equals("previous", StringComparison.OrdinalIgnoreCase) ? Previous : Release(to.Trim());

    public override string ToString() => ReleaseId ?? "the previous release";
}
