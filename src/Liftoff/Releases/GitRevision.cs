using Liftoff.Engine.Git;

namespace Liftoff.Releases;

/// <summary>The commit deployed. Dirty: the working tree had uncommitted changes (a laptop deploy).</summary>
public sealed record GitRevision(string Commit, string? Branch, bool Dirty = false)
{
    public string ShortCommit => Commit.Length > 7 ? Commit[..7] : Commit;

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
        var repository = await GitRepository.FromLocalDirectoryAsync(repositoryDirectory, cancellationToken, variables);
        return repository?.Commit is { } commit ? new GitRevision(commit, repository.Branch, repository.IsDirty) : null;
    }
}
