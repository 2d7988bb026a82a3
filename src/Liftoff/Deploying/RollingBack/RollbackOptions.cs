using Liftoff.Deploying.Cdn;
using Spectre.Console;

namespace Liftoff.Deploying.RollingBack;

/// <summary>
/// How a rollback runs: approval as Deploy asks for it (<see cref="ApprovalGate"/>: --approve, a prompt at a terminal,
/// a stop in CI), --dry-run (show what would change, change nothing), and how the CDN invalidation is followed.
/// </summary>
public sealed record RollbackOptions(ApprovalGate Approval)
{
    public bool DryRun { get; init; }

    public CdnOptions Cdn { get; init; } = new();

    /// <summary>
    /// For the automatic paths (a failed smoke test, a canary alarm): the deploy being undone was itself approved, and
    /// waiting for a person would leave a failing release serving traffic.
    /// </summary>
    public static RollbackOptions Automatic(IAnsiConsole console) => new(new ApprovalGate(console, approve: true, canPrompt: false));
}
