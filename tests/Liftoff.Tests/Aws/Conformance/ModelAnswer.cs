using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Amazon.Runtime.EventStreams;
using Amazon.Runtime.Internal.Transform;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// A successful answer to an operation as the model describes it: every output member set (strings name
/// their member, enumerations take their first value, lists hold two items), laid out as the protocol
/// sends it (status code, headers, JSON or XML body, awsQuery's Result wrapper). <see cref="Values"/>
/// keeps what was sent, by member name, to compare with what an unmarshaller read.
/// </summary>
public sealed class ModelAnswer
{
    private const int MaxDepth = 10;
    private readonly OperationModel _operation;
    private readonly string _protocol;
    private readonly Stack<string> _building = new();
    private int _counter;

    public ModelAnswer(OperationModel operation, string protocol)
    {
        _operation = operation;
        _protocol = protocol;
        Values = operation.Output is { } output ? (Dictionary<string, object?>)Generate(output, "")! : [];
        (Headers, StatusCode, Body) = Layout();
    }

    /// <summary>The answer's values: structures as member name → value, lists as lists, maps as key → value.</summary>
    public Dictionary<string, object?> Values { get; }
    public Dictionary<string, string> Headers { get; }
    public int StatusCode { get; }
    public byte[] Body { get; }

    public IWebResponseData Http => new WebResponse(this);

    private object? Generate(Shape shape, string name)
    {
        if (shape.IsStructure)
        {
            if (_building.Contains(shape.Name) || _building.Count >= MaxDepth) return null;
            _building.Push(shape.Name);
            var members = shape.Members.ToDictionary(m => m.Name, m => m.Location == "statusCode" ? (long)_operation.ResponseCode : Generate(m.Target, m.Name));
            _building.Pop();
            return members;
        }
        if (shape.IsList) return new List<object?> { Generate(shape.Item.Target, name), Generate(shape.Item.Target, name) };
        if (shape.IsMap) return new Dictionary<string, object?> { [$"{name}-key-{++_counter}"] = Generate(shape.Item.Target, name) };
        return shape.Type switch
        {
            "string" => shape.IsEnum ? shape.EnumValues[0] : $"{name}-{++_counter}",
            "integer" or "long" => (long)(1000 + ++_counter),
            "double" or "float" => 1000 + ++_counter + 0.5,
            "boolean" => true,
            "timestamp" => new DateTime(2022, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddHours(++_counter),
            "blob" => Encoding.UTF8.GetBytes($"{name}-{++_counter}"),
            _ => null,
        };
    }

    private (Dictionary<string, string>, int, byte[]) Layout()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var status = _operation.ResponseCode;
        var output = _operation.Output;
        if (output is null) return (headers, status, []);
        var bodyMembers = new List<Member>();
        foreach (var member in output.Members)
        {
            var value = Values[member.Name];
            switch (member.Location)
            {
                case "header" when value is not null: headers[member.WireName] = Text(member, value, "header"); break;
                case "statusCode": status = Convert.ToInt32(value, CultureInfo.InvariantCulture); break;
                case "headers" or "header": break;
                default: bodyMembers.Add(member); break;
            }
        }
        if (output.Payload is { } payload)
        {
            var member = output.MemberNamed(payload)!;
            var value = Values[payload];
            var body = member.Target.Type switch
            {
                "blob" => (byte[])value!,
                "string" => Encoding.UTF8.GetBytes((string)value!),
                _ when _protocol == "rest-xml" => Xml(Xml(member, value), null),
                _ => Encoding.UTF8.GetBytes(Json(member.Target, value)!.ToJsonString()),
            };
            return (headers, status, body);
        }
        return (headers, status, _protocol switch
        {
            "query" => QueryDocument(bodyMembers),
            "rest-xml" => Xml(new XElement(output.Name, bodyMembers.Select(m => Xml(m, Values[m.Name]))), null),
            _ => Encoding.UTF8.GetBytes(new JsonObject(bodyMembers.Where(m => Values[m.Name] is not null)
                .Select(m => KeyValuePair.Create(m.WireName, Json(m.Target, Values[m.Name])))).ToJsonString()),
        });
    }

    private byte[] QueryDocument(List<Member> members)
    {
        XNamespace ns = $"http://{_operation.Service.EndpointPrefix}.amazonaws.com/doc/{_operation.Service.ApiVersion}/";
        var result = new XElement(_operation.ResultWrapper ?? _operation.Name + "Result", members.Select(m => Xml(m, Values[m.Name])));
        var root = new XElement(_operation.Name + "Response", result,
            new XElement("ResponseMetadata", new XElement("RequestId", "conformance-request")));
        return Xml(root, ns);
    }

    private static byte[] Xml(XElement root, XNamespace? ns)
    {
        if (ns is not null)
            foreach (var element in root.DescendantsAndSelf()) element.Name = ns + element.Name.LocalName;
        return Encoding.UTF8.GetBytes(root.ToString(SaveOptions.DisableFormatting));
    }

    private static XElement Xml(Member member, object? value, string? name = null)
    {
        var element = new XElement(name ?? member.WireName);
        var shape = member.Target;
        switch (value)
        {
            case null: break;
            case Dictionary<string, object?> fields when shape.IsStructure:
                foreach (var child in shape.Members.Where(c => fields[c.Name] is not null))
                {
                    if (child.Target is { IsList: true, Flattened: true })
                        element.Add(((List<object?>)fields[child.Name]!).Select(i => Xml(child.Target.Item, i, child.Target.Item.LocationName ?? child.WireName)));
                    else
                        element.Add(Xml(child, fields[child.Name]));
                }
                break;
            case List<object?> items:
                element.Add(items.Select(i => Xml(shape.Item, i, shape.Item.LocationName ?? "member")));
                break;
            case Dictionary<string, object?> entries:
                element.Add(entries.Select(e => new XElement("entry",
                    new XElement(shape.Key.LocationName ?? "key", e.Key), Xml(shape.Item, e.Value, shape.Item.LocationName ?? "value"))));
                break;
            default:
                element.Value = Text(member, value, "xml");
                break;
        }
        return element;
    }

    private static JsonNode? Json(Shape shape, object? value) => value switch
    {
        null => null,
        Dictionary<string, object?> fields when shape.IsStructure => new JsonObject(shape.Members.Where(m => fields[m.Name] is not null)
            .Select(m => KeyValuePair.Create(m.WireName, Json(m.Target, fields[m.Name])))),
        List<object?> items => new JsonArray(items.Select(i => Json(shape.Item.Target, i)).ToArray()),
        Dictionary<string, object?> entries => new JsonObject(entries.Select(e => KeyValuePair.Create(e.Key, Json(shape.Item.Target, e.Value)))),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        DateTime t => shape.Json.TryGetProperty("timestampFormat", out var f) && f.GetString() == "iso8601"
            ? JsonValue.Create(t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
            : JsonValue.Create((t - DateTime.UnixEpoch).TotalSeconds),
        byte[] bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
        _ => throw new NotSupportedException(value.GetType().Name),
    };

    private static string Text(Member member, object value, string location) => value switch
    {
        DateTime t when (member.TimestampFormat ?? (location == "header" ? "rfc822" : "iso8601")) == "rfc822" => t.ToString("r", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    /// <summary>The HTTP side of the answer, as the SDK's pipeline hands it to an unmarshaller.</summary>
    private sealed class WebResponse(ModelAnswer answer) : IWebResponseData
    {
        public long ContentLength => answer.Body.Length;
        public string ContentType => answer._protocol switch
        {
            "json" => $"application/x-amz-json-{answer._operation.Service.JsonVersion}",
            "rest-json" => "application/json",
            _ => "text/xml",
        };
        public HttpStatusCode StatusCode => (HttpStatusCode)answer.StatusCode;
        public bool IsSuccessStatusCode => answer.StatusCode is >= 200 and < 300;
        public IHttpResponseBody ResponseBody => null!;
        public string[] GetHeaderNames() => [.. answer.Headers.Keys];
        public bool IsHeaderPresent(string headerName) => answer.Headers.ContainsKey(headerName);
        public string GetHeaderValue(string headerName) => answer.Headers.GetValueOrDefault(headerName) ?? "";
        public IEventStreamHeader GetEventStreamHeader(string headerName) => null!;
        public bool IsEventHeaderPresent(string headerName) => false;
    }
}
