using System.Text.Json;

namespace Liftoff.Engine.CI.GitHubActions;

/// <summary>
/// The GitHub Actions run the build is in, from the variables GitHub documents
/// (https://docs.github.com/en/actions/reference/variables-reference), as NUKE's. <see cref="Instance"/> is null
/// anywhere else. Differs from NUKE: <see cref="Token"/> reads GITHUB_TOKEN first (NUKE reads only the GITHUB_CONTEXT
/// export), and the event is a <see cref="JsonElement"/> rather than a Newtonsoft JObject.
/// </summary>
public sealed class GitHubActions
{
    private readonly IReadOnlyDictionary<string, string> _variables;
    private readonly Lazy<JsonElement?> _event;

    internal GitHubActions(IReadOnlyDictionary<string, string> variables)
    {
        _variables = variables;
        _event = new Lazy<JsonElement?>(() =>
            EventPath is { } path && File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone() : null);
    }

    /// <summary>This run on GitHub Actions, or null when the build runs elsewhere.</summary>
    public static GitHubActions? Instance => Internal.BuildContext.Current.Host.Kind == BuildHostKind.GitHubActions
        ? new GitHubActions(Internal.BuildContext.Current.Environment)
        : null;

    public string? Home => Get("HOME");
    public string? Workflow => Get("GITHUB_WORKFLOW");
    public string? Action => Get("GITHUB_ACTION");
    public string? Actor => Get("GITHUB_ACTOR");
    public string? Repository => Get("GITHUB_REPOSITORY");
    public string? RepositoryOwner => Get("GITHUB_REPOSITORY_OWNER");
    public string? EventName => Get("GITHUB_EVENT_NAME");
    public string? EventPath => Get("GITHUB_EVENT_PATH");
    public string? Workspace => Get("GITHUB_WORKSPACE");
    public string? Sha => Get("GITHUB_SHA");
    public string? Ref => Get("GITHUB_REF");
    public string? RefName => Get("GITHUB_REF_NAME");
    public string? HeadRef => Get("GITHUB_HEAD_REF");
    public string? BaseRef => Get("GITHUB_BASE_REF");
    public long RunNumber => long.TryParse(Get("GITHUB_RUN_NUMBER"), out var number) ? number : 0;
    public long RunId => long.TryParse(Get("GITHUB_RUN_ID"), out var id) ? id : 0;
    public long RunAttempt => long.TryParse(Get("GITHUB_RUN_ATTEMPT"), out var attempt) ? attempt : 0;
    public string ServerUrl => Get("GITHUB_SERVER_URL") ?? "https://github.com";
    public string ApiUrl => Get("GITHUB_API_URL") ?? "https://api.github.com";
    public string? Job => Get("GITHUB_JOB");
    public string? RunnerName => Get("RUNNER_NAME");
    public string? RunnerOS => Get("RUNNER_OS");

    /// <summary>The run's page: {server}/{repository}/actions/runs/{run id}.</summary>
    public string? RunUrl => Repository is { } repository && RunId != 0 ? $"{ServerUrl}/{repository}/actions/runs/{RunId}" : null;

    /// <summary>GITHUB_TOKEN when the workflow exports it, else the token in an exported GITHUB_CONTEXT (NUKE's EnableGitHubContext).</summary>
    public string? Token => Get("GITHUB_TOKEN") ?? (Get("GITHUB_CONTEXT") is { } context &&
        JsonDocument.Parse(context).RootElement.TryGetProperty("token", out var token) ? token.GetString() : null);

    /// <summary>The payload of the event that started the run (GITHUB_EVENT_PATH), when there is one.</summary>
    public JsonElement? GitHubEvent => _event.Value;

    public bool IsPullRequest => EventName is "pull_request" or "pull_request_target";

    public int? PullRequestNumber =>
        GitHubEvent is { } payload && payload.TryGetProperty("number", out var number) && number.TryGetInt32(out var value) ? value : null;

    public void Group(string group) => WriteCommand("group", group);
    public void EndGroup(string group) => WriteCommand("endgroup", group);
    public void WriteDebug(string message) => WriteCommand("debug", message);
    public void WriteWarning(string message) => WriteCommand("warning", message);
    public void WriteError(string message) => WriteCommand("error", message);

    /// <summary>A workflow command, with data escaped as GitHub documents (%, CR and LF).</summary>
    public void WriteCommand(string command, string? message = null, IReadOnlyDictionary<string, object>? properties = null)
    {
        var parameters = properties is { Count: > 0 }
            ? " " + string.Join(",", properties.Select(p => $"{p.Key}={EscapeProperty(p.Value.ToString() ?? "")}"))
            : "";
        Internal.BuildContext.Current.WriteLine($"::{command}{parameters}::{EscapeData(message ?? "")}");
    }

    internal static string EscapeData(string data) => data.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string value) => EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");

    private string? Get(string name) => _variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
