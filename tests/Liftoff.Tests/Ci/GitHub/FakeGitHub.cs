using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Liftoff.Tests.Ci.GitHub;

/// <summary>
/// A fake of exactly the GitHub REST endpoints Liftoff uses, served the way GitHub Enterprise Server serves them (under
/// /api/v3, which is where Octokit sends requests for any host but api.github.com), keeping what was posted:
/// - POST /repos/{owner}/{repo}/deployments: https://docs.github.com/en/rest/deployments/deployments#create-a-deployment
/// - POST /repos/{owner}/{repo}/deployments/{id}/statuses: https://docs.github.com/en/rest/deployments/statuses#create-a-deployment-status
/// - GET and POST /repos/{owner}/{repo}/issues/{number}/comments: https://docs.github.com/en/rest/issues/comments#list-issue-comments
///   and #create-an-issue-comment
/// - PATCH /repos/{owner}/{repo}/issues/comments/{id}: https://docs.github.com/en/rest/issues/comments#update-an-issue-comment
/// </summary>
internal sealed class FakeGitHub : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly object _lock = new();
    private int _nextId = 100;

    public FakeGitHub(string repository = "acme/shop")
    {
        Repository = repository;
        var repo = $"/api/v3/repos/{repository}";
        Route("POST", $"^{Regex.Escape(repo)}/deployments$", (_, body) => Created(Deployments, body, d => d["statuses"] = new JsonArray()));
        Route("POST", $"^{Regex.Escape(repo)}/deployments/(\\d+)/statuses$", (m, body) =>
        {
            var deployment = Deployments.Single(d => (long)d["id"]! == long.Parse(m.Groups[1].Value));
            body["id"] = (long)++_nextId;
            body["created_at"] = "2026-11-30T10:00:00Z";
            ((JsonArray)deployment["statuses"]!).Add(body.DeepClone());
            return (201, body);
        });
        Route("GET", $"^{Regex.Escape(repo)}/issues/(\\d+)/comments$", (m, _) =>
            (200, new JsonArray(Comments.Where(c => (int)c["issue"]! == int.Parse(m.Groups[1].Value)).Select(c => c.DeepClone()).ToArray())));
        Route("POST", $"^{Regex.Escape(repo)}/issues/(\\d+)/comments$", (m, body) =>
            Created(Comments, body, c => c["issue"] = int.Parse(m.Groups[1].Value)));
        Route("PATCH", $"^{Regex.Escape(repo)}/issues/comments/(\\d+)$", (m, body) =>
        {
            var comment = Comments.Single(c => (long)c["id"]! == long.Parse(m.Groups[1].Value));
            comment["body"] = body["body"]!.GetValue<string>();
            comment["updated_at"] = "2026-11-30T11:00:00Z";
            return (200, comment.DeepClone());
        });
    }

    public string Repository { get; }

    /// <summary>GITHUB_API_URL as GitHub Enterprise Server sets it.</summary>
    public string ApiUrl => _server.Urls[0] + "/api/v3";

    public List<JsonObject> Deployments { get; } = [];
    public List<JsonObject> Comments { get; } = [];

    /// <summary>Every Authorization header that reached the fake.</summary>
    public IEnumerable<string> AuthorizationHeaders => _server.LogEntries
        .SelectMany(e => e.RequestMessage.Headers?.TryGetValue("Authorization", out var values) == true ? values : []);

    public IReadOnlyList<string> StatesOf(JsonObject deployment) =>
        ((JsonArray)deployment["statuses"]!).Select(s => s!["state"]!.GetValue<string>()).ToList();

    /// <summary>From now on every request is refused as GitHub refuses a token without the permission.</summary>
    public void RefuseEverything() =>
        _server.Given(Request.Create().WithPath(new RegexMatcher("^/api/v3/.*")).UsingAnyMethod()).AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(403).WithHeader("Content-Type", "application/json")
                .WithBody("""{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest"}"""));

    /// <summary>Stops answering at all, as during an outage.</summary>
    public void GoDown() => _server.Stop();

    private (int, JsonNode) Created(List<JsonObject> store, JsonObject body, Action<JsonObject> complete)
    {
        body["id"] = (long)++_nextId;
        body["created_at"] = "2026-11-30T10:00:00Z";
        body["updated_at"] = "2026-11-30T10:00:00Z";
        complete(body);
        store.Add(body);
        return (201, body.DeepClone());
    }

    private void Route(string method, string path, Func<Match, JsonObject, (int Status, JsonNode Body)> answer) =>
        _server.Given(Request.Create().WithPath(new RegexMatcher(path)).UsingMethod(method))
            .RespondWith(Response.Create().WithCallback(request =>
            {
                lock (_lock)
                {
                    var (status, json) = (0, (JsonNode)new JsonObject());
                    try
                    {
                        var body = string.IsNullOrEmpty(request.Body) ? new JsonObject() : JsonNode.Parse(request.Body)!.AsObject();
                        (status, json) = answer(Regex.Match(request.Path, path), body);
                    }
                    catch (Exception e)
                    {
                        // A fake that breaks says how, instead of a bare 500.
                        (status, json) = (500, new JsonObject { ["message"] = "fake GitHub: " + e.Message });
                    }
                    return new ResponseMessage
                    {
                        StatusCode = status,
                        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json; charset=utf-8") },
                        BodyData = new BodyData { BodyAsString = json.ToJsonString(), DetectedBodyType = BodyType.String },
                    };
                }
            }));

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
