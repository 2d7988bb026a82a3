using CliWrap;
using CliWrap.Buffered;

namespace Liftoff.Ci.Affected;

/// <summary>A path that differs from the base: its path now, and its path before when git saw a rename.</summary>
public sealed record ChangedPath(string Path, string? RenamedFrom = null);

/// <summary>
/// The files that differ between a base commit and the working tree, as git reports them (renames detected),
/// plus untracked files that are not ignored: what a deploy from this checkout would ship that the base did not.
/// </summary>
public static class GitChanges
{
    /// <summary>Git's "no commit" (a push that created the branch names this as its previous head).</summary>
    public static bool IsNullCommit(string reference) => reference.Length >= 7 && reference.All(c => c == '0');

    /// <summary>The commit a ref names, or null when it names none here (a shallow clone, a force-pushed head).</summary>
    public static async Task<string?> ResolveAsync(string root, string reference, CancellationToken cancellationToken) =>
        await GitAsync(root, ["rev-parse", "--verify", "--quiet", reference + "^{commit}"], cancellationToken) is { } sha ? sha.Trim() : null;

    /// <summary>Where HEAD left the base's line: a pull request's changes are those since it branched off.</summary>
    public static async Task<string> MergeBaseAsync(string root, string commit, CancellationToken cancellationToken) =>
        (await GitAsync(root, ["merge-base", commit, "HEAD"], cancellationToken))?.Trim() is { Length: > 0 } mergeBase ? mergeBase : commit;

    public static async Task<IReadOnlyList<ChangedPath>> SinceAsync(string root, string commit, CancellationToken cancellationToken)
    {
        // --relative: paths relative to the Liftoff root, which may be a folder inside the git repository.
        var diff = await GitAsync(root, ["-c", "core.quotepath=off", "diff", "--name-status", "-M", "-z", "--relative", commit], cancellationToken)
                   ?? throw new InvalidOperationException($"git diff against {commit} failed in {root}.");
        var untracked = await GitAsync(root, ["ls-files", "--others", "--exclude-standard", "-z"], cancellationToken) ?? "";

        var changes = new List<ChangedPath>();
        var fields = diff.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < fields.Length; i++)
        {
            var status = fields[i];
            if (status.StartsWith('R') || status.StartsWith('C'))
            {
                changes.Add(new ChangedPath(fields[i + 2], status.StartsWith('R') ? fields[i + 1] : null));
                i += 2;
            }
            else changes.Add(new ChangedPath(fields[++i]));
        }
        changes.AddRange(untracked.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(p => new ChangedPath(p)));
        return changes;
    }

    private static async Task<string?> GitAsync(string root, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await Cli.Wrap("git").WithArguments(arguments).WithWorkingDirectory(root)
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancellationToken);
        return result.ExitCode == 0 ? result.StandardOutput : null;
    }
}
