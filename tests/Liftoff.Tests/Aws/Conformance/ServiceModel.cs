using System.Text.Json;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>One service's model: metadata, operations and shapes (service-2.json), paginators and waiters.</summary>
public sealed class ServiceModel(string folder, JsonElement service, JsonElement? paginators, JsonElement? waiters)
{
    private JsonElement Metadata => service.GetProperty("metadata");

    /// <summary>Where the model was read, for messages.</summary>
    public string Folder { get; } = folder;

    public string ServiceId => Text(Metadata, "serviceId")!;
    public string ApiVersion => Text(Metadata, "apiVersion")!;
    public string? SigningName => Text(Metadata, "signingName") ?? Text(Metadata, "endpointPrefix");
    public string? EndpointPrefix => Text(Metadata, "endpointPrefix");
    public string? TargetPrefix => Text(Metadata, "targetPrefix");
    public string? JsonVersion => Text(Metadata, "jsonVersion");

    /// <summary>Every protocol the service answers (botocore names: rest-json, rest-xml, query, json, …).</summary>
    public IReadOnlyList<string> Protocols =>
        Metadata.TryGetProperty("protocols", out var list)
            ? list.EnumerateArray().Select(p => p.GetString()!).ToList()
            : [Text(Metadata, "protocol")!];

    public bool HasOperation(string name) => service.GetProperty("operations").TryGetProperty(name, out _);

    public OperationModel Operation(string name) => new(this, name, service.GetProperty("operations").GetProperty(name));

    public bool HasShape(string name) => service.GetProperty("shapes").TryGetProperty(name, out _);

    public Shape Shape(string name) => new(this, name, service.GetProperty("shapes").GetProperty(name));

    /// <summary>Every shape marked as an error, by the code it is sent with (its name unless the model says otherwise; shapes may share one).</summary>
    public ILookup<string, Shape> ErrorShapesByCode =>
        service.GetProperty("shapes").EnumerateObject()
            .Where(s => s.Value.TryGetProperty("exception", out var e) && e.GetBoolean())
            .Select(s => Shape(s.Name))
            .ToLookup(s => s.ErrorCode, StringComparer.Ordinal);

    public JsonElement? Paginator(string operation) =>
        paginators?.GetProperty("pagination").TryGetProperty(operation, out var p) == true ? p : null;

    public JsonElement? Waiter(string name) =>
        waiters?.GetProperty("waiters").TryGetProperty(name, out var w) == true ? w : null;

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

public sealed record OperationModel(ServiceModel Service, string Name, JsonElement Json)
{
    public string Method => Json.GetProperty("http").GetProperty("method").GetString()!;
    public string RequestUri => Json.GetProperty("http").GetProperty("requestUri").GetString()!;
    public int ResponseCode => Json.GetProperty("http").TryGetProperty("responseCode", out var code) ? code.GetInt32() : 200;
    public Shape? Input => Json.TryGetProperty("input", out var i) ? Service.Shape(i.GetProperty("shape").GetString()!) : null;
    public Shape? Output => Json.TryGetProperty("output", out var o) ? Service.Shape(o.GetProperty("shape").GetString()!) : null;
    /// <summary>awsQuery answers wrap the output in this element (DescribeStacksResult).</summary>
    public string? ResultWrapper => Json.TryGetProperty("output", out var o) ? ServiceModel.Text(o, "resultWrapper") : null;
    public IEnumerable<string> Errors =>
        Json.TryGetProperty("errors", out var e) ? e.EnumerateArray().Select(x => x.GetProperty("shape").GetString()!) : [];
}

/// <summary>A shape (structure, list, map, string, …) of a service model.</summary>
public sealed record Shape(ServiceModel Service, string Name, JsonElement Json)
{
    public string Type => Json.GetProperty("type").GetString()!;
    public bool IsStructure => Type == "structure";
    public bool IsList => Type == "list";
    public bool IsMap => Type == "map";
    public bool IsEnum => Json.TryGetProperty("enum", out _);
    public IReadOnlyList<string> EnumValues =>
        Json.TryGetProperty("enum", out var values) ? values.EnumerateArray().Select(v => v.GetString()!).ToList() : [];
    public bool Flattened => Json.TryGetProperty("flattened", out var f) && f.GetBoolean();
    public string? Payload => ServiceModel.Text(Json, "payload");
    public bool IsError => Json.TryGetProperty("exception", out var e) && e.GetBoolean();
    public string ErrorCode => Json.TryGetProperty("error", out var error) && ServiceModel.Text(error, "code") is { } code ? code : Name;

    public IReadOnlyList<string> Required =>
        Json.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : [];

    public IEnumerable<Member> Members =>
        Json.TryGetProperty("members", out var members)
            ? members.EnumerateObject().Select(m => new Member(Service, m.Name, m.Value))
            : [];

    public Member? MemberNamed(string name) => Members.FirstOrDefault(m => m.Name == name);

    /// <summary>A list's item, or a map's value.</summary>
    public Member Item => new(Service, "member", Json.GetProperty(IsMap ? "value" : "member"));
    public Member Key => new(Service, "key", Json.GetProperty("key"));
}

/// <summary>A reference to a shape: a structure's member, a list's item, a map's key or value.</summary>
public sealed record Member(ServiceModel Service, string Name, JsonElement Json)
{
    public Shape Target => Service.Shape(Json.GetProperty("shape").GetString()!);
    /// <summary>uri, querystring, header, headers, statusCode; null for the body.</summary>
    public string? Location => ServiceModel.Text(Json, "location");
    public string? LocationName => ServiceModel.Text(Json, "locationName");
    /// <summary>The name on the wire: locationName when the model gives one.</summary>
    public string WireName => LocationName ?? Name;
    public string? TimestampFormat => ServiceModel.Text(Json, "timestampFormat") ?? ServiceModel.Text(Target.Json, "timestampFormat");
    public string? XmlNamespace =>
        Json.TryGetProperty("xmlNamespace", out var ns) ? ServiceModel.Text(ns, "uri") : null;
    public bool XmlAttribute => Json.TryGetProperty("xmlAttribute", out var a) && a.GetBoolean();
}
