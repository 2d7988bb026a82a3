using CliWrap;
using CliWrap.Buffered;
using System.Text.Json.Serialization;

namespace Liftoff.Releases;

/// <summary>
/// The commit deployed. Dirty: the working tree had uncommitted changes (a laptop deploy): a change to a
/// tracked file anywhere, or, once <see cref="ForProject"/> has narrowed it, a new file under the project.
/// </summary>
public sealed record GitRevision(string Commit, string? Branch, bool Dirty = false)
{
    public string ShortCommit => Commit.Length > 7 ? Commit[..7] : Commit;

    /// <summary>Files git does not track and does not ignore, relative to the folder read, forward slashes. Not recorded.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Untracked { get; init; } = [];

    /// <summary>
    /// The revision as one project's release records it: dirty also when a file under the project's folder
    /// is untracked, such as a new project never committed, since the commit alone cannot rebuild it.
    /// </summary>
    /// <param name="projectDirectory">Relative to the folder read, forward slashes (projects/shop).</param>
    public GitRevision ForProject(string projectDirectory)
    {
        var prefix = projectDirectory.TrimEnd('/') + "/";
        return new GitRevision(Commit, Branch, Dirty || Untracked.Any(f => f.StartsWith(prefix, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The checkout's commit and branch, or null outside a git repository. CI checks out a detached HEAD,
    /// so the branch comes from the CI's variables there (GITHUB_HEAD_REF/GITHUB_REF_NAME, CODEBUILD_WEBHOOK_HEAD_REF).
    /// </summary>
    public static async Task<GitRevision?> ReadAsync(
        string repositoryDirectory, CancellationToken cancellationToken, Func<string, string?>? environment = null)
    {
        var env = environment ?? Environment.GetEnvironmentVariable;
        var commit = await GitAsync(repositoryDirectory, ["rev-parse", "HEAD"], cancellationToken);
        if (commit is null) return null;

        var branch = await GitAsync(repositoryDirectory, ["rev-parse", "--abbrev-ref", "HEAD"], cancellationToken);
        if (branch is null or "HEAD")
            branch = NonEmpty(env("GITHUB_HEAD_REF")) ?? NonEmpty(env("GITHUB_REF_NAME"))
                ?? NonEmpty(env("CODEBUILD_WEBHOOK_HEAD_REF"))?.Replace("refs/heads/", "");
        var status = await GitAsync(repositoryDirectory, ["status", "--porcelain", "--untracked-files=no"], cancellationToken);
        // ls-files names paths relative to the folder it runs in, as ForProject expects; .gitignore'd ones are left out.
        var untracked = await GitAsync(repositoryDirectory, ["ls-files", "--others", "--exclude-standard", "-z"], cancellationToken);
        return new GitRevision(commit, branch, Dirty: !string.IsNullOrEmpty(status))
        {
            Untracked = (untracked ?? "").Split('\0', StringSplitOptions.RemoveEmptyEntries),
        };
    }

    private static async Task<string?> GitAsync(string directory, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Cli.Wrap("git")
                .WithArguments(arguments)
                .WithWorkingDirectory(directory)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken);
            return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed: the release is recorded without a commit.
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
