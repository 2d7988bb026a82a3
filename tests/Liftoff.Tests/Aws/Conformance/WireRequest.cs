using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Amazon.Runtime.Internal;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>Where a request carries a value: the protocol-neutral view both sides are compared in.</summary>
public enum WireLocation { Uri, QueryString, Header, Body }

/// <summary>One value on the wire: its location, its name there (a body path like /Pipeline/Stages/1/Name) and its text.</summary>
public sealed record WireItem(WireLocation Location, string Name, string Value)
{
    public bool SamePlace(WireItem other) =>
        Location == other.Location && string.Equals(Name, other.Name, Location == WireLocation.Header ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    public string Place => Location switch
    {
        WireLocation.Uri => $"uri label {{{Name}}}",
        WireLocation.QueryString => $"querystring '{Name}'",
        WireLocation.Header => $"header '{Name}'",
        _ => $"body '{Name}'",
    };

    public override string ToString() => $"{Place} = '{Value}'";
}

/// <summary>How a request body is written: awsQuery form fields, JSON, XML, or the raw bytes of a payload member.</summary>
public enum BodyFormat { None, Form, Json, Xml, Raw }

/// <summary>
/// An HTTP request as a protocol lays it out: method, path template with its label values, query string,
/// headers and body. Built from a marshalled <see cref="IRequest"/> or from a model, then flattened into
/// <see cref="WireItem"/>s so the two can be compared value by value.
/// </summary>
public sealed class WireRequest
{
    public string Method { get; set; } = "POST";
    public string PathTemplate { get; set; } = "/";
    public Dictionary<string, string> Labels { get; } = [];
    public List<KeyValuePair<string, string>> Query { get; } = [];
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<KeyValuePair<string, string>> Form { get; } = [];
    public byte[]? Body { get; set; }
    public BodyFormat Format { get; set; }

    /// <summary>What a Liftoff marshaller built; <paramref name="format"/> says how to read its body.</summary>
    public static WireRequest From(IRequest request, BodyFormat format)
    {
        var wire = new WireRequest { Method = request.HttpMethod, PathTemplate = request.ResourcePath ?? "/", Body = request.Content, Format = format };
        foreach (var (placeholder, value) in request.PathResources)
            wire.Labels[placeholder.Trim('{', '}', '+')] = value;
        foreach (var (name, value) in request.Parameters)
            (format == BodyFormat.Form ? wire.Form : wire.Query).Add(new(name, value));
        foreach (var (name, value) in request.SubResources)
            wire.Query.Add(new(name, value ?? ""));
        foreach (var (name, value) in request.Headers)
            wire.Headers[name] = value;
        return wire;
    }

    /// <summary>The values the request carries; protocol fields (Action, Version, X-Amz-Target, Content-Type) are left out.</summary>
    public IEnumerable<WireItem> Items()
    {
        foreach (var (label, value) in Labels) yield return new(WireLocation.Uri, label, value);
        foreach (var (name, value) in Query) yield return new(WireLocation.QueryString, name, value);
        foreach (var (name, value) in Headers.Where(h => !ProtocolHeaders.Contains(h.Key)))
            yield return new(WireLocation.Header, name, value);
        foreach (var (name, value) in Form.Where(f => f.Key is not ("Action" or "Version")))
            yield return new(WireLocation.Body, name, value);
        foreach (var item in BodyItems()) yield return item;
    }

    public string? FormValue(string name) => Form.FirstOrDefault(f => f.Key == name).Value;

    private static readonly HashSet<string> ProtocolHeaders = new(StringComparer.OrdinalIgnoreCase) { "Content-Type", "X-Amz-Target", "Content-Length" };

    private IEnumerable<WireItem> BodyItems()
    {
        if (Body is null || Body.Length == 0) return [];
        return Format switch
        {
            BodyFormat.Json => FlattenJson(JsonDocument.Parse(Body).RootElement, ""),
            BodyFormat.Xml => FlattenXml(XDocument.Parse(Encoding.UTF8.GetString(Body)).Root!, ""),
            BodyFormat.Raw => [new WireItem(WireLocation.Body, "(payload)", Encoding.UTF8.GetString(Body))],
            _ => [new WireItem(WireLocation.Body, "(unexpected body)", Encoding.UTF8.GetString(Body))],
        };
    }

    private static IEnumerable<WireItem> FlattenJson(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when element.EnumerateObject().Any():
                return element.EnumerateObject().SelectMany(p => FlattenJson(p.Value, $"{path}/{p.Name}"));
            case JsonValueKind.Array when element.GetArrayLength() > 0:
                return element.EnumerateArray().SelectMany((item, i) => FlattenJson(item, $"{path}/{i + 1}"));
            case JsonValueKind.String:
                return [new WireItem(WireLocation.Body, path, element.GetString()!)];
            default:
                return [new WireItem(WireLocation.Body, path, element.GetRawText())];
        }
    }

    private static IEnumerable<WireItem> FlattenXml(XElement element, string parent)
    {
        var path = $"{parent}/{element.Name.LocalName}";
        var items = new List<WireItem>();
        if (element.Name.NamespaceName.Length > 0 && element.Parent?.Name.NamespaceName != element.Name.NamespaceName)
            items.Add(new WireItem(WireLocation.Body, $"{path}@xmlns", element.Name.NamespaceName));
        items.AddRange(element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new WireItem(WireLocation.Body, $"{path}@{a.Name.LocalName}", a.Value)));
        if (!element.HasElements)
        {
            items.Add(new WireItem(WireLocation.Body, path, element.Value));
            return items;
        }
        // Repeated siblings (list items) are numbered, as the other protocols number them.
        foreach (var group in element.Elements().GroupBy(e => e.Name.LocalName))
        {
            var children = group.ToList();
            for (var i = 0; i < children.Count; i++)
                items.AddRange(FlattenXml(children[i], children.Count == 1 ? path : $"{path}/{i + 1}"));
        }
        return items;
    }
}
