namespace Liftoff.Configuration;

public enum SmokeCheckKind { Http, Invoke }

/// <summary>One smoke check of a project, resolved and checked (see project.yaml's smokeChecks).</summary>
public sealed record SmokeCheck
{
    public required string Name { get; init; }
    public SmokeCheckKind Kind { get; init; } = SmokeCheckKind.Http;
    /// <summary>http: the method and the path below the API URL (with any query string).</summary>
    public string Method { get; init; } = "GET";
    public string Path { get; init; } = "/";
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public string? Body { get; init; }
    public int ExpectedStatus { get; init; } = 200;
    /// <summary>invoke: the function (its name in project.yaml) and the event.</summary>
    public string? Function { get; init; }
    public string Payload { get; init; } = "{}";
    public string? BodyContains { get; init; }
    /// <summary>JSON pointer → expected value (text for a string, else its JSON).</summary>
    public IReadOnlyDictionary<string, string> Json { get; init; } = new Dictionary<string, string>();
    public int? MaxLatencyMs { get; init; }
}
