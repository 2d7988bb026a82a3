using Octokit;
using Spectre.Console;

namespace Liftoff.Ci.GitHub;

/// <summary>
/// Every GitHub call Liftoff makes goes through here: GitHub is a report of the deploy, never a condition of it, so a
/// refusal (401, 403, 404), an outage or a timeout becomes a warning (and a GitHub Actions annotation) and the
/// deploy goes on. Messages come from GitHub's answer, which never holds the token.
/// </summary>
public sealed class GitHubCalls(IGitHubClient client, IAnsiConsole console, bool onGitHubActions)
{
    public IGitHubClient Client => client;

    /// <returns>The call's result, or default after a warning.</returns>
    public async Task<T?> TryAsync<T>(string what, Func<IGitHubClient, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(client).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Warn($"GitHub: could not {what}: {Describe(e).TrimEnd('.')}. The deploy goes on without it.");
            return default;
        }
    }

    public void Warn(string message)
    {
        // A workflow command is one line: GitHub documents %0A for line breaks inside it.
        if (onGitHubActions) console.Profile.Out.Writer.WriteLine($"::warning title=GitHub::{message.Replace("%", "%25").Replace("\n", "%0A")}");
        console.MarkupLine($"[yellow]{Markup.Escape(message)}[/]");
    }

    private static string Describe(Exception e) => e switch
    {
        ForbiddenException => $"403 Forbidden ({e.Message.TrimEnd('.')}); the token needs the permission for this (the workflow's `permissions:`)",
        AuthorizationException => $"401 Unauthorized ({e.Message.TrimEnd('.')}); the token is wrong or expired",
        NotFoundException => $"404 Not Found ({e.Message.TrimEnd('.')}); check the repository name and the token's access to it",
        ApiException api => $"{(int)api.StatusCode} {api.Message}",
        TaskCanceledException => "GitHub did not answer in time",
        _ => e.Message,
    };

    /// <summary>An Octokit client for the context's API, authenticated with its token, giving up after 15 s.</summary>
    public static IGitHubClient ClientFor(GitHubContext github)
    {
        var client = new GitHubClient(new ProductHeaderValue("Liftoff"), new Uri(github.ApiUrl))
        {
            Credentials = new Credentials(github.Token()),
        };
        client.SetRequestTimeout(TimeSpan.FromSeconds(15));
        return client;
    }
}
