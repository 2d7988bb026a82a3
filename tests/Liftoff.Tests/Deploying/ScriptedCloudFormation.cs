using System.Collections.Specialized;
using System.Web;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;
using Request = WireMock.RequestBuilders.Request;

namespace Liftoff.Tests.Deploying;

/// <summary>
/// A CloudFormation endpoint that plays a script, for what moto cannot do (its change sets never fail).
/// Speaks the Query protocol as AWS's API reference describes it: form-encoded POST with Action and
/// Version; XML answers `&lt;{Action}Response&gt;&lt;{Action}Result&gt;…` and errors as
/// `&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;` (docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/CommonErrors.html).
/// </summary>
internal sealed class ScriptedCloudFormation : IDisposable
{
    private const string Namespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private readonly Dictionary<string, Func<NameValueCollection, Reply>> _script = new(StringComparer.Ordinal);
    private readonly List<NameValueCollection> _calls = [];
    private readonly Lock _gate = new();

    public ScriptedCloudFormation()
    {
        Server = WireMockServer.Start();
        Server.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var form = HttpUtility.ParseQueryString(request.Body ?? "");
                Reply reply;
                lock (_gate)
                {
                    _calls.Add(form);
                    var action = form["Action"] ?? "";
                    reply = _script.TryGetValue(action, out var play)
                        ? play(form)
                        : Error(400, "InvalidAction", $"The script has no answer for {action}.");
                }
                return new WireMock.ResponseMessage
                {
                    StatusCode = reply.Status,
                    Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("text/xml") },
                    BodyData = new BodyData { BodyAsString = reply.Xml, DetectedBodyType = BodyType.String },
                };
            }));
    }

    public WireMockServer Server { get; }
    public string Url => Server.Url!;

    /// <summary>The phase of the script; answers read it and move it on.</summary>
    public string Phase { get; set; } = "start";

    public List<string> Actions { get { lock (_gate) return _calls.Select(c => c["Action"] ?? "").ToList(); } }

    public NameValueCollection Call(string action) { lock (_gate) return _calls.First(c => c["Action"] == action); }

    public void On(string action, Func<NameValueCollection, Reply> answer) => _script[action] = answer;

    /// <summary>A success answer: the operation's result members, wrapped as the API reference shows.</summary>
    public static Reply Ok(string action, string resultXml = "") => new(200,
        $"""<{action}Response xmlns="{Namespace}"><{action}Result>{resultXml}</{action}Result><ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata></{action}Response>""");

    public static Reply Error(int status, string code, string message) => new(status,
        $"""<ErrorResponse xmlns="{Namespace}"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>{Guid.NewGuid()}</RequestId></ErrorResponse>""");

    public void Dispose() => Server.Stop();

    public sealed record Reply(int Status, string Xml);
}
