namespace Liftoff.Ci.GitHub;

/// <summary>
/// One comment per pull request and purpose, found again by a hidden marker and updated in place, so a pull request
/// pushed ten times carries one deploy preview, not ten (https://docs.github.com/en/rest/issues/comments).
/// </summary>
public sealed class PullRequestComment(GitHubCalls calls, GitHubContext github)
{
    public static string Marker(string purpose) => $"<!-- liftoff:{purpose} -->";

    /// <returns>True when the comment was created or updated.</returns>
    public async Task<bool> UpsertAsync(int pullRequest, string purpose, string body, CancellationToken cancellationToken)
    {
        var marker = Marker(purpose);
        var text = marker + "\n" + body;
        var comments = await calls.TryAsync($"read the comments of pull request #{pullRequest}",
            c => c.Issue.Comment.GetAllForIssue(github.Owner, github.Name, pullRequest), cancellationToken);
        if (comments is null) return false;
        var mine = comments.LastOrDefault(c => c.Body?.StartsWith(marker, StringComparison.Ordinal) == true);
        var done = mine is null
            ? await calls.TryAsync($"comment on pull request #{pullRequest}",
                c => c.Issue.Comment.Create(github.Owner, github.Name, pullRequest, text), cancellationToken)
            : await calls.TryAsync($"update the comment on pull request #{pullRequest}",
                c => c.Issue.Comment.Update(github.Owner, github.Name, mine.Id, text), cancellationToken);
        return done is not null;
    }
}
