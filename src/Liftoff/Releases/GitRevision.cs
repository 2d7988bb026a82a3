using CliWrap;
using CliWrap.Buffered;

namespace Liftoff.Releases;

/// <summary>The commit deployed. Dirty: the working tree had uncommitted changes (a laptop deploy).</summary>
public sealed record GitRevision(string Commit, string? Branch, bool Dirty = false)
{
    public string ShortCommit => Commit.Length > 7 ? Commit[..7] : Commit;

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
        return new GitRevision(commit, branch, Dirty: !string.IsNullOrEmpty(status));
    }

    /// <summary>The commit a CI service names when the checkout has no .git (CodeBuild behind CodePipeline), else null.</summary>
    public static GitRevision? FromCi(string? commit) => string.IsNullOrEmpty(commit) ? null : new GitRevision(commit, null);

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
