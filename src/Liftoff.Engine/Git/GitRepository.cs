using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;
using Liftoff.Engine.IO;

namespace Liftoff.Engine.Git;

public enum GitProtocol
{
    Https,
    Ssh,
}

/// <summary>
/// The checkout a build runs in, as NUKE's GitRepository: commit, branch, tags at HEAD and the remote's address.
/// Read with the git CLI (not libgit2), so worktrees and every repository format the installed git reads work. CI
/// checks out a detached HEAD; the branch then comes from the CI's variables, as NUKE takes it from the host.
/// </summary>
public sealed record GitRepository
{
    public required AbsolutePath LocalDirectory { get; init; }
    public string? Commit { get; init; }
    public string? Head => Commit;
    public string? Branch { get; init; }
    public IReadOnlyCollection<string> Tags { get; init; } = [];
    public string? RemoteName { get; init; }
    public string? RemoteBranch { get; init; }
    public GitProtocol? Protocol { get; init; }

    /// <summary>The host of the remote, e.g. github.com.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The remote's path without ".git", e.g. owner/repository.</summary>
    public string? Identifier { get; init; }

    /// <summary>The working tree has uncommitted changes to tracked files.</summary>
    public bool IsDirty { get; init; }

    public string? HttpsUrl => Endpoint is null || Identifier is null ? null : $"https://{Endpoint}/{Identifier}";
    public string? SshUrl => Endpoint is null || Identifier is null ? null : $"git@{Endpoint}:{Identifier}.git";

    public override string ToString() => HttpsUrl ?? LocalDirectory;

    /// <summary>The repository holding the directory, or null outside one (or where git is not installed).</summary>
    public static async Task<GitRepository?> FromLocalDirectoryAsync(string directory, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        environment ??= Internal.BuildContext.Current.Environment;
        var heads = await GitAsync(directory, ["rev-parse", "--show-toplevel", "HEAD", "--abbrev-ref", "HEAD"], cancellationToken);
        if (heads is not [var top, var commit, var head, ..]) return null;

        var branch = head == "HEAD" ? BranchFromCi(environment) : head;
        // The questions that remain do not depend on one another (but the remote's on its name): asked at once.
        var remote = RemoteAsync(directory, cancellationToken);
        var tagging = GitAsync(directory, ["tag", "--points-at", "HEAD"], cancellationToken);
        var changes = GitAsync(directory, ["status", "--porcelain", "--untracked-files=no"], cancellationToken);
        var (upstream, remoteName, url) = await remote;
        var tags = await tagging ?? [];
        var status = await changes ?? [];
        var (protocol, endpoint, identifier) = ParseUrl(url is [var remoteUrl] ? remoteUrl : null);
        return new GitRepository
        {
            LocalDirectory = AbsolutePath.Create(top),
            Commit = commit,
            Branch = branch,
            Tags = tags,
            RemoteName = url is null ? null : remoteName,
            RemoteBranch = upstream is [var full] && full.Contains('/') ? full[(full.IndexOf('/') + 1)..] : null,
            Protocol = protocol,
            Endpoint = endpoint,
            Identifier = identifier,
            IsDirty = status.Count > 0,
        };
    }

    private static async Task<(IReadOnlyList<string>? Upstream, string RemoteName, IReadOnlyList<string>? Url)> RemoteAsync(
        string directory, CancellationToken cancellationToken)
    {
        var upstream = await GitAsync(directory, ["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"], cancellationToken);
        var remoteName = upstream is [var tracking] && tracking.Contains('/') ? tracking[..tracking.IndexOf('/')] : "origin";
        return (upstream, remoteName, await GitAsync(directory, ["config", "--get", $"remote.{remoteName}.url"], cancellationToken));
    }

    public static GitRepository? FromLocalDirectory(string directory) =>
        FromLocalDirectoryAsync(directory, Internal.BuildContext.Current.CancellationToken).GetAwaiter().GetResult();

    /// <summary>A repository known only by its address, as NUKE's FromUrl.</summary>
    public static GitRepository FromUrl(string url, string? branch = null)
    {
        var (protocol, endpoint, identifier) = ParseUrl(url);
        return new GitRepository { LocalDirectory = AbsolutePath.Create("."), Branch = branch, Protocol = protocol, Endpoint = endpoint, Identifier = identifier };
    }

    /// <summary>https://host/owner/repo(.git), git@host:owner/repo(.git) or ssh://git@host/owner/repo.</summary>
    internal static (GitProtocol?, string?, string?) ParseUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return (null, null, null);
        string Trim(string path) => path.Trim('/').EndsWith(".git", StringComparison.Ordinal) ? path.Trim('/')[..^4] : path.Trim('/');
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh" or "git")
            return (uri.Scheme == "ssh" ? GitProtocol.Ssh : GitProtocol.Https, uri.Host, Trim(uri.AbsolutePath));
        var at = url.IndexOf('@');
        var colon = url.IndexOf(':', Math.Max(at, 0));
        return colon > 0 ? (GitProtocol.Ssh, url[(at + 1)..colon], Trim(url[(colon + 1)..])) : (null, null, null);
    }

    /// <summary>The branch a CI checkout was made for: GitHub Actions (pull request head, else the pushed branch), then CodeBuild.</summary>
    private static string? BranchFromCi(IReadOnlyDictionary<string, string> environment)
    {
        string? Get(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        return Get("GITHUB_HEAD_REF")
               ?? (Get("GITHUB_REF") is { } githubRef && githubRef.StartsWith("refs/heads/", StringComparison.Ordinal) ? githubRef["refs/heads/".Length..] : null)
               ?? Get("CODEBUILD_WEBHOOK_HEAD_REF")?.Replace("refs/heads/", "");
    }

    private static async Task<IReadOnlyList<string>?> GitAsync(string directory, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Cli.Wrap("git").WithArguments(arguments).WithWorkingDirectory(directory)
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancellationToken);
            return result.ExitCode == 0
                ? result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : null;
        }
        catch (Win32Exception)
        {
            return null; // git is not installed: nothing is known about the checkout.
        }
    }
}

public static class GitRepositoryExtensions
{
    public static bool IsOnMainBranch(this GitRepository repository) => repository.Branch is "main";
    public static bool IsOnMasterBranch(this GitRepository repository) => repository.Branch is "master";
    public static bool IsOnMainOrMasterBranch(this GitRepository repository) => repository.Branch is "main" or "master";
    public static bool IsOnDevelopBranch(this GitRepository repository) => repository.Branch is "develop" or "development" or "dev";
    public static bool IsOnReleaseBranch(this GitRepository repository) => StartsWith(repository, "release/");
    public static bool IsOnHotfixBranch(this GitRepository repository) => StartsWith(repository, "hotfix/");
    public static bool IsOnFeatureBranch(this GitRepository repository) => StartsWith(repository, "feature/");
    public static bool IsGitHubRepository(this GitRepository repository) => repository.Endpoint is "github.com";
    public static string? GetGitHubOwner(this GitRepository repository) => repository.Identifier?.Split('/')[0];
    public static string? GetGitHubName(this GitRepository repository) => repository.Identifier?.Split('/').LastOrDefault();

    private static bool StartsWith(GitRepository repository, string prefix) =>
        repository.Branch?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ?? false;
}

/// <summary>Injects the build's repository: <c>[GitRepository] readonly GitRepository GitRepository;</c> (null outside a git checkout).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class GitRepositoryAttribute : Attribute
{
    /// <summary>NUKE's option to read another remote; accepted, and the branch's upstream remote (else origin) is read.</summary>
    public string? Remote { get; set; }
}
