using Liftoff.Deploying.Cdn;
using Liftoff.Tests.Aws;
using Liftoff.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Liftoff.Tests.Deploying.Cdn;

/// <summary>
/// Invalidations in progress, which moto never has (it completes each one at once): a stub serves CloudFront's restXml
/// wire format as the API Reference shows it (ListInvalidations, GetInvalidation and CreateInvalidation:
/// https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ListInvalidations.html, API_GetInvalidation.html,
/// API_CreateInvalidation.html), with the limits of
/// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html (invalidations: 3,000 file
/// paths or 15 wildcard paths in progress per distribution). The clock lets every wait end at once.
/// </summary>
public sealed class CdnInvalidatorStubTests : IDisposable
{
    private const string Distribution = "EDFDVBD6EXAMPLE";
    private const string Base = $"/2020-05-31/distribution/{Distribution}/invalidation";
    private readonly StubbedAws _aws = new();
    private readonly Spectre.Console.Testing.TestConsole _console = DeployTestKit.Console();

    public void Dispose() => _aws.Dispose();

    private static readonly InvalidationPathPlan OneWildcard = new(["/assets/*"], 40);

    [Fact]
    public async Task With_fifteen_wildcard_paths_in_progress_it_fails_at_its_time_limit_saying_what_is_in_progress()
    {
        AnswerList(("I2J0I21PCUYOIK", "InProgress"));
        AnswerInvalidation("I2J0I21PCUYOIK", "InProgress", Enumerable.Range(0, 15).Select(i => $"/f{i}/*").ToArray());
        var invalidator = new CdnInvalidator(_aws.Clients.CloudFront, _console, new InstantClock(DateTimeOffset.UnixEpoch));

        var error = await Assert.ThrowsAsync<CdnException>(() =>
            invalidator.InvalidateAsync(Distribution, OneWildcard, new CdnOptions(WaitLimit: TimeSpan.FromMinutes(5)), default));

        Assert.Contains("1 invalidation(s) with 0 file path(s) and 15 wildcard path(s) in progress", error.Message);
        Assert.Contains("aws cloudfront list-invalidations", error.Message);
        Assert.DoesNotContain(_aws.Server.LogEntries, e => e.RequestMessage.Method == "POST");
    }

    [Fact]
    public async Task It_waits_for_room_then_invalidates_and_with_wait_follows_it_to_completion()
    {
        // In progress at the first look, completed at the next; then the new invalidation completes on its second read.
        AnswerList(("I2J0I21PCUYOIK", "InProgress"), state: null, next: "room");
        AnswerList(("I2J0I21PCUYOIK", "Completed"), state: "room", next: "room");
        AnswerInvalidation("I2J0I21PCUYOIK", "InProgress", Enumerable.Range(0, 15).Select(i => $"/f{i}/*").ToArray());
        _aws.Server.Given(Request.Create().WithPath(Base).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Location", $"https://cloudfront.amazonaws.com{Base}/INEW")
                .WithBody(InvalidationXml("INEW", "InProgress", "/assets/*")));
        AnswerInvalidation("INEW", "InProgress", ["/assets/*"], state: null, next: "done", scenario: "new");
        AnswerInvalidation("INEW", "Completed", ["/assets/*"], state: "done", next: "done", scenario: "new");
        var invalidator = new CdnInvalidator(_aws.Clients.CloudFront, _console, new InstantClock(DateTimeOffset.UnixEpoch));

        var made = await invalidator.InvalidateAsync(Distribution, OneWildcard, new CdnOptions(Wait: true), default);

        Assert.Equal(("INEW", "Completed"), (made.Id, made.Status));
        Assert.Equal(["/assets/*"], made.Paths);
        Assert.Contains("Waiting for room", _console.Output);
        Assert.Contains("INEW: InProgress after", _console.Output);
        Assert.Contains("INEW: completed after", _console.Output);
        var sent = Assert.Single(_aws.Server.LogEntries, e => e.RequestMessage.Method == "POST").RequestMessage.Body!;
        Assert.Contains("<Quantity>1</Quantity><Items><Path>/assets/*</Path></Items>", sent);
    }

    private void AnswerList((string Id, string Status) item, string? state = null, string? next = null)
    {
        var request = _aws.Server.Given(Request.Create().WithPath(Base).UsingGet());
        if (next is not null) request = request.InScenario("list").WhenStateIs(state!).WillSetStateTo(next);
        request.RespondWith(Xml($"""
            <InvalidationList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
              <Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>1</Quantity>
              <Items><InvalidationSummary><Id>{item.Id}</Id><CreateTime>2030-01-01T12:00:00.000Z</CreateTime><Status>{item.Status}</Status></InvalidationSummary></Items>
            </InvalidationList>
            """));
    }

    private void AnswerInvalidation(string id, string status, string[] paths, string? state = null, string? next = null, string scenario = "get")
    {
        var request = _aws.Server.Given(Request.Create().WithPath($"{Base}/{id}").UsingGet());
        if (next is not null) request = request.InScenario(scenario).WhenStateIs(state!).WillSetStateTo(next);
        request.RespondWith(Xml(InvalidationXml(id, status, paths)));
    }

    private static string InvalidationXml(string id, string status, params string[] paths) => $"""
        <Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
          <Id>{id}</Id><Status>{status}</Status><CreateTime>2030-01-01T12:00:00.000Z</CreateTime>
          <InvalidationBatch><Paths><Quantity>{paths.Length}</Quantity><Items>{string.Concat(paths.Select(p => $"<Path>{p}</Path>"))}</Items></Paths>
          <CallerReference>ref-{id}</CallerReference></InvalidationBatch>
        </Invalidation>
        """;

    private static IResponseBuilder Xml(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml").WithHeader("x-amzn-RequestId", "req-1").WithBody(body);
}
