using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Amazon.Runtime;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// Lays out a request object as the model says the protocol must (botocore's serializers' rules: uri
/// labels, querystring and header members by locationName; awsQuery fields Name.member.N and
/// Name.entry.N.key; JSON members by name; restXml elements with list wrappers and item names), using the
/// property the SDK would name for each member. Members our type lacks or leaves unset are not sent.
/// </summary>
public sealed class ModelSerializer(OperationModel operation, string protocol)
{
    public WireRequest Serialize(object request)
    {
        var input = operation.Input ?? throw new InvalidOperationException($"{operation.Name} has no input shape.");
        var wire = protocol switch
        {
            "json" => new WireRequest { Format = BodyFormat.Json },
            "query" => new WireRequest { Format = BodyFormat.Form },
            _ => new WireRequest { Method = operation.Method, PathTemplate = operation.RequestUri.Split('?')[0], Format = BodyFormatOf(input) },
        };
        // A literal query in the request URI (/path?versioning, ?list-type=2) is part of the operation.
        foreach (var fixedPart in operation.RequestUri.Split('?').Skip(1).SelectMany(q => q.Split('&', StringSplitOptions.RemoveEmptyEntries)))
            wire.Query.Add(new(fixedPart.Split('=')[0], fixedPart.Contains('=') ? fixedPart[(fixedPart.IndexOf('=') + 1)..] : ""));
        var body = new JsonObject();
        var xml = new List<XElement>();
        foreach (var (member, value) in SetMembers(request, input))
        {
            switch (member.Location)
            {
                case "uri": wire.Labels[member.WireName] = Scalar(member, value, "uri"); break;
                case "querystring": AddQuery(wire, member, value); break;
                case "header": wire.Headers[member.WireName] = Scalar(member, value, "header"); break;
                case "headers":
                    foreach (DictionaryEntry entry in (IDictionary)value) wire.Headers[member.WireName + entry.Key] = (string)entry.Value!;
                    break;
                default: WriteBody(wire, input, member, value, body, xml); break;
            }
        }
        if (protocol is "json" or "rest-json" && wire.Body is null && (body.Count > 0 || protocol == "json"))
            wire.Body = Encoding.UTF8.GetBytes(body.ToJsonString());
        if (protocol == "rest-xml" && wire.Body is null && xml.Count > 0)
            throw new NotSupportedException($"{operation.Name}: restXml input without a payload member is not modelled by this check.");
        return wire;
    }

    /// <summary>How this operation's body is written: a blob or string payload member is sent as is.</summary>
    public BodyFormat BodyFormatOf(Shape input) => protocol switch
    {
        "query" => BodyFormat.Form,
        _ when input.Payload is { } payload && input.MemberNamed(payload)!.Target.Type is "blob" or "string" => BodyFormat.Raw,
        "rest-xml" => BodyFormat.Xml,
        _ => BodyFormat.Json,
    };

    private void WriteBody(WireRequest wire, Shape input, Member member, object value, JsonObject body, List<XElement> xml)
    {
        if (input.Payload == member.Name)
        {
            wire.Body = member.Target.Type switch
            {
                "blob" => ((MemoryStream)value).ToArray(),
                "string" => Encoding.UTF8.GetBytes((string)value),
                "structure" when protocol == "rest-xml" => Encoding.UTF8.GetBytes(XmlOf(member, value, member.XmlNamespace).ToString(SaveOptions.DisableFormatting)),
                _ => Encoding.UTF8.GetBytes(JsonOf(member, value)!.ToJsonString()),
            };
            return;
        }
        switch (protocol)
        {
            case "query": Form(wire.Form, member.WireName, member, value); break;
            case "rest-xml": xml.Add(XmlOf(member, value, null)); break;
            default: body[member.WireName] = JsonOf(member, value); break;
        }
    }

    /// <summary>The members of <paramref name="shape"/> whose property on <paramref name="instance"/> is set.</summary>
    public IEnumerable<(Member Member, object Value)> SetMembers(object instance, Shape shape) =>
        shape.Members
            .Select(m => (Member: m, Property: ShapeBinding.PropertyFor(instance.GetType(), shape, m)))
            .Select(x => (x.Member, Value: x.Property?.GetValue(instance)))
            .Where(x => ShapeBinding.IsSet(x.Value))
            .Select(x => (x.Member, x.Value!));

    private static void AddQuery(WireRequest wire, Member member, object value)
    {
        if (value is IList list)
            foreach (var item in list) wire.Query.Add(new(member.WireName, Scalar(member.Target.Item, item!, "querystring")));
        else
            wire.Query.Add(new(member.WireName, Scalar(member, value, "querystring")));
    }

    private void Form(List<KeyValuePair<string, string>> form, string prefix, Member member, object value)
    {
        var shape = member.Target;
        if (shape.IsStructure)
        {
            foreach (var (child, childValue) in SetMembers(value, shape))
                Form(form, $"{prefix}.{child.WireName}", child, childValue);
        }
        else if (shape.IsList)
        {
            var item = shape.Item;
            // Flattened: Name.N (the item's locationName, when given, replaces Name); else Name.member.N.
            var listPrefix = shape.Flattened
                ? (item.LocationName is { } flatName ? ReplaceLast(prefix, flatName) : prefix)
                : $"{prefix}.{item.LocationName ?? "member"}";
            var i = 0;
            foreach (var element in (IList)value) Form(form, $"{listPrefix}.{++i}", item, element!);
        }
        else if (shape.IsMap)
        {
            var mapPrefix = shape.Flattened ? prefix : $"{prefix}.entry";
            var i = 0;
            foreach (DictionaryEntry entry in (IDictionary)value)
            {
                i++;
                Form(form, $"{mapPrefix}.{i}.{shape.Key.LocationName ?? "key"}", shape.Key, entry.Key);
                Form(form, $"{mapPrefix}.{i}.{shape.Item.LocationName ?? "value"}", shape.Item, entry.Value!);
            }
        }
        else
        {
            form.Add(new(prefix, Scalar(member, value, "query")));
        }
    }

    private JsonNode? JsonOf(Member member, object value)
    {
        var shape = member.Target;
        if (shape.IsStructure)
        {
            var json = new JsonObject();
            foreach (var (child, childValue) in SetMembers(value, shape)) json[child.WireName] = JsonOf(child, childValue);
            return json;
        }
        if (shape.IsList)
            return new JsonArray(((IList)value).Cast<object>().Select(item => JsonOf(shape.Item, item)).ToArray());
        if (shape.IsMap)
        {
            var json = new JsonObject();
            foreach (DictionaryEntry entry in (IDictionary)value) json[(string)entry.Key] = JsonOf(shape.Item, entry.Value!);
            return json;
        }
        return shape.Type switch
        {
            "boolean" => JsonValue.Create((bool)value),
            "integer" or "long" => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            "double" or "float" => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            "timestamp" => member.TimestampFormat is "iso8601" ? JsonValue.Create(Scalar(member, value, "json")) : JsonValue.Create(EpochSeconds((DateTime)value)),
            _ => JsonValue.Create(Scalar(member, value, "json")),
        };
    }

    private XElement XmlOf(Member member, object value, string? xmlNamespace)
    {
        XNamespace ns = xmlNamespace ?? "";
        var element = new XElement(ns + member.WireName);
        var shape = member.Target;
        if (shape.IsStructure)
        {
            foreach (var (child, childValue) in SetMembers(value, shape))
            {
                if (child.XmlAttribute)
                    element.SetAttributeValue(child.WireName, Scalar(child, childValue, "xml"));
                else if (child.Target is { IsList: true, Flattened: true } list)
                    // A flattened list repeats its items in place, named by the item's locationName or the member's.
                    element.Add(((IList)childValue).Cast<object>()
                        .Select(i => XmlOf(list.Item, i, xmlNamespace).WithName(ns + (list.Item.LocationName ?? child.WireName))));
                else
                    element.Add(XmlOf(child, childValue, xmlNamespace));
            }
        }
        else if (shape.IsList)
        {
            foreach (var item in (IList)value)
                element.Add(XmlOf(shape.Item, item!, xmlNamespace).WithName(ns + (shape.Item.LocationName ?? "member")));
        }
        else if (shape.IsMap)
        {
            foreach (DictionaryEntry entry in (IDictionary)value)
                element.Add(new XElement(ns + "entry",
                    XmlOf(shape.Key, entry.Key, xmlNamespace).WithName(ns + (shape.Key.LocationName ?? "key")),
                    XmlOf(shape.Item, entry.Value!, xmlNamespace).WithName(ns + (shape.Item.LocationName ?? "value"))));
        }
        else
        {
            element.Value = Scalar(member, value, "xml");
        }
        return element;
    }

    /// <summary>A scalar as text: booleans in lower case, timestamps per the location's default format, blobs as base64.</summary>
    public static string Scalar(Member member, object value, string location) => value switch
    {
        string s => s,
        ConstantClass c => c.Value,
        bool b => b ? "true" : "false",
        DateTime d => (member.TimestampFormat ?? (location == "header" ? "rfc822" : location is "json" ? "unixTimestamp" : "iso8601")) switch
        {
            "rfc822" => d.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture),
            "unixTimestamp" => EpochSeconds(d).ToString(CultureInfo.InvariantCulture),
            _ => d.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        },
        MemoryStream m => Convert.ToBase64String(m.ToArray()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static double EpochSeconds(DateTime value) => (value.ToUniversalTime() - DateTime.UnixEpoch).TotalSeconds;

    private static string ReplaceLast(string prefix, string name) =>
        prefix.LastIndexOf('.') is var dot and >= 0 ? prefix[..(dot + 1)] + name : name;
}

internal static class XElementNaming
{
    public static XElement WithName(this XElement element, XName name)
    {
        element.Name = name;
        return element;
    }
}
