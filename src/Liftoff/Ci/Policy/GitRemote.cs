using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace Liftoff.Ci.Policy;

/// <summary>The GitHub repository (owner/name) a checkout's remote points at.</summary>
public static partial class GitRemote
{
    /// <returns>owner/name from the origin remote's URL (https or ssh, with or without .git), or null.</returns>
    public static async Task<string?> GitHubRepositoryAsync(string root, CancellationToken cancellationToken)
    {
        var result = await Cli.Wrap("git").WithArguments(["remote", "get-url", "origin"]).WithWorkingDirectory(root)
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancellationToken);
        return result.ExitCode == 0 ? RepositoryOf(result.StandardOutput.Trim()) : null;
    }

    public static string? RepositoryOf(string url) =>
        GitHubUrl().Match(url) is { Success: true } match ? $"{match.Groups[1].Value}/{match.Groups[2].Value}" : null;

    [GeneratedRegex(@"github[^/:]*[/:]([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(\.git)?/?$")]
    private static partial Regex GitHubUrl();
}
