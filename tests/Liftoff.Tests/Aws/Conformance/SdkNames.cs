namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// How the official AWS SDK for .NET names what a model defines, so that its packages can replace Liftoff's
/// clients: a request is OperationName + "Request" and a response OperationName + "Response" (whatever the
/// model calls the input and output shapes); every other structure and every enumeration takes its shape's
/// name; a member becomes a property of the same name with its first letter upper-cased; an error shape
/// becomes ShapeName + "Exception" unless it already ends so. Where the SDK departs from these rules it
/// says so in generator/ServiceModels/&lt;service&gt;/&lt;service&gt;.customizations.json; the departures that
/// touch shapes Liftoff uses are listed here.
/// </summary>
public static class SdkNames
{
    /// <summary>Members the SDK emits under another property name ("emitPropertyName").</summary>
    private static readonly Dictionary<(string Service, string Shape, string Member), string> RenamedMembers = new()
    {
        // lambda.customizations.json: the payload is a stream, the client context its base64 header value.
        [("Lambda", "InvocationRequest", "Payload")] = "PayloadStream",
        [("Lambda", "InvocationRequest", "ClientContext")] = "ClientContextBase64",
    };

    /// <summary>Shapes the SDK emits under another class name ("shapeSubstitutions" / "renameShape").</summary>
    private static readonly Dictionary<(string Service, string Shape), string> RenamedShapes = new()
    {
        [("Lambda", "VpcConfigResponse")] = "VpcConfigDetail",
    };

    /// <summary>Properties the SDK adds by hand beside the generated ones (its partial classes); not model members.</summary>
    private static readonly Dictionary<(string Service, string Type, string Property), string> AddedProperties = new()
    {
        // AWSSDK.Lambda's InvokeRequest.Payload and .ClientContext: string views of PayloadStream and ClientContextBase64.
        [("Lambda", "InvokeRequest", "Payload")] = "PayloadStream",
        [("Lambda", "InvokeRequest", "ClientContext")] = "ClientContextBase64",
    };

    public static string Request(string operation) => operation + "Request";

    public static string Response(string operation) => operation + "Response";

    public static string Structure(string service, string shape) =>
        RenamedShapes.TryGetValue((service, shape), out var renamed) ? renamed : Capitalised(shape);

    public static string Exception(string shape) =>
        shape.EndsWith("Exception", StringComparison.Ordinal) ? shape : shape + "Exception";

    public static string Property(string service, string shape, string member) =>
        RenamedMembers.TryGetValue((service, shape, member), out var renamed) ? renamed : Capitalised(member);

    /// <summary>The model member a hand-added SDK property stands for, when <paramref name="property"/> is one.</summary>
    public static string? AddedBesides(string service, string type, string property) =>
        AddedProperties.TryGetValue((service, type, property), out var member) ? member : null;

    private static string Capitalised(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
