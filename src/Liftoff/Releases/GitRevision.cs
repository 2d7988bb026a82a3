using System.ComponentModel;
using System.Text.Json.Serialization;
using CliWrap;
using CliWrap.Buffered;
using Liftoff.Engine.Git;

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
    /// The checkout's commit and branch, or null outside a git repository, read by the engine's GitRepository (the
    /// same code a build's [GitRepository] uses). CI checks out a detached HEAD; the branch then comes from the CI's
    /// variables (GITHUB_HEAD_REF, GITHUB_REF, CODEBUILD_WEBHOOK_HEAD_REF).
    /// </summary>
    public static async Task<GitRevision?> ReadAsync(
        string repositoryDirectory, CancellationToken cancellationToken, Func<string, string?>? environment = null)
    {
        var env = environment ?? Environment.GetEnvironmentVariable;
        var variables = new[] { "GITHUB_HEAD_REF", "GITHUB_REF", "CODEBUILD_WEBHOOK_HEAD_REF" }
            .Select(name => (name, value: env(name)))
            .Where(v => v.value is not null)
            .ToDictionary(v => v.name, v => v.value!);
        // Asked beside the repository's own questions: a no-op deploy waits for the slowest git, not their sum.
        var untracked = UntrackedAsync(repositoryDirectory, cancellationToken);
        var repository = await GitRepository.FromLocalDirectoryAsync(repositoryDirectory, cancellationToken, variables);
        if (repository?.Commit is not { } commit) return null;
        return new GitRevision(commit, repository.Branch, repository.IsDirty) { Untracked = await untracked };
    }

    /// <summary>ls-files names paths relative to the folder it runs in, as ForProject expects; .gitignore'd ones are left out.</summary>
    private static async Task<IReadOnlyList<string>> UntrackedAsync(string directory, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Cli.Wrap("git").WithArguments(["ls-files", "--others", "--exclude-standard", "-z"])
                .WithWorkingDirectory(directory).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancellationToken);
            return result.ExitCode == 0 ? result.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries) : [];
        }
        catch (Win32Exception)
        {
            return []; // git went missing since the commit was read.
        }
    }

    /// <summary>The commit a CI service names when the checkout has no .git (CodeBuild behind CodePipeline), else null.</summary>
    public static GitRevision? FromCi(string? commit) => string.IsNullOrEmpty(commit) ? null : new GitRevision(commit, null);
}
