using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// Checks what a marshaller sends against the model: the operation (name, protocol, method and URI, or
/// Action/Version, or X-Amz-Target), then every value of a fully populated request, compared with where
/// the model's serialization rules put it.
/// </summary>
public static class RequestConformance
{
    public static IReadOnlyList<string> Check(CatalogedOperation operation, ServiceModel model)
    {
        var findings = new List<string>();
        void Report(string finding) => findings.Add($"{operation.Title}: {finding}");
        if (!model.HasOperation(operation.Name))
        {
            Report($"the model ({model.Folder}) has no operation named {operation.Name}.");
            return findings;
        }
        var operationModel = model.Operation(operation.Name);
        if (operationModel.Input is null)
        {
            Report("the model's operation has no input shape, which this check does not handle.");
            return findings;
        }
        var filler = new RequestFiller(model.ServiceId);
        var request = (AmazonWebServiceRequest)filler.Fill(operation.Request);
        IRequest marshalled;
        try
        {
            marshalled = operation.Marshaller.Marshall(request);
        }
        catch (Exception e)
        {
            Report($"the marshaller failed on a request with every property set: {e.GetType().Name}: {e.Message}");
            return findings;
        }

        var protocol = ProtocolOf(marshalled, operation.Unmarshaller, Report);
        if (!model.Protocols.Contains(protocol))
            Report($"sent with the {protocol} protocol; the model's protocols are {string.Join(", ", model.Protocols)}.");
        var serializer = new ModelSerializer(operationModel, protocol);
        var actual = WireRequest.From(marshalled, serializer.BodyFormatOf(operationModel.Input!));
        var expected = serializer.Serialize(request);
        CheckIdentity(operationModel, protocol, actual, Report);
        CompareValues(expected.Items().ToList(), actual.Items().ToList(), filler, Report);
        return findings;
    }

    /// <summary>The protocol an operation speaks, as its marshaller and unmarshaller show it.</summary>
    public static string ProtocolOf(CatalogedOperation operation)
    {
        var request = (AmazonWebServiceRequest)new RequestFiller(operation.Service.ServiceId).Fill(operation.Request);
        return ProtocolOf(operation.Marshaller.Marshall(request), operation.Unmarshaller, _ => { });
    }

    private static string ProtocolOf(IRequest request, ResponseUnmarshaller unmarshaller, Action<string> report)
    {
        var readsJson = unmarshaller is JsonResponseUnmarshaller;
        var protocol = request.Headers.ContainsKey("X-Amz-Target") ? "json"
            : request.Parameters.ContainsKey("Action") && !readsJson ? "query"
            : readsJson ? "rest-json" : "rest-xml";
        if (protocol == "json" && !readsJson)
            report("sends a JSON-RPC request (X-Amz-Target) but reads the answer as XML.");
        return protocol;
    }

    private static void CheckIdentity(OperationModel model, string protocol, WireRequest actual, Action<string> report)
    {
        var service = model.Service;
        switch (protocol)
        {
            case "json":
                Expect("X-Amz-Target", $"{service.TargetPrefix}.{model.Name}", actual.Headers.GetValueOrDefault("X-Amz-Target"), report);
                Expect("Content-Type", $"application/x-amz-json-{service.JsonVersion}", actual.Headers.GetValueOrDefault("Content-Type"), report);
                Expect("the method and path", "POST /", $"{actual.Method} {actual.PathTemplate}", report);
                break;
            case "query":
                Expect("Action", model.Name, actual.FormValue("Action"), report);
                Expect("Version", service.ApiVersion, actual.FormValue("Version"), report);
                Expect("the method", "POST", actual.Method, report);
                break;
            default:
                Expect("the method and request URI", $"{model.Method} {model.RequestUri.Split('?')[0]}", $"{actual.Method} {actual.PathTemplate}", report);
                break;
        }
    }

    private static void Expect(string what, string expected, string? actual, Action<string> report)
    {
        if (expected != actual)
            report($"{what}: the model says '{expected}', the marshaller sends '{actual ?? "(nothing)"}'.");
    }

    /// <summary>
    /// Pairs what is left after exact matches: same place and another value (the wrong property's value),
    /// same value and another place (a wrong wire name or location), or unpaired (not sent / not modelled).
    /// </summary>
    private static void CompareValues(List<WireItem> expected, List<WireItem> actual, RequestFiller filler, Action<string> report)
    {
        var missing = expected.Where(e => !actual.Any(a => a.SamePlace(e) && a.Value == e.Value)).ToList();
        var extra = actual.Where(a => !expected.Any(e => e.SamePlace(a) && e.Value == a.Value)).ToList();
        foreach (var want in missing)
        {
            var member = filler.OriginOf(want.Value) ?? want.Name;
            if (extra.FirstOrDefault(a => a.SamePlace(want)) is { } samePlace)
            {
                extra.Remove(samePlace);
                report($"member {member}: the model sends {want.Place} = '{want.Value}', the marshaller sends '{samePlace.Value}'.");
            }
            else if (extra.FirstOrDefault(a => a.Value == want.Value) is { } sameValue)
            {
                extra.Remove(sameValue);
                report($"member {member}: the model sends it as {want.Place}, the marshaller as {sameValue.Place}.");
            }
            else
            {
                report($"member {member} is set on the request but not sent; the model sends it as {want}.");
            }
        }
        foreach (var surplus in extra)
        {
            var origin = filler.OriginOf(surplus.Value) is { } property ? $" (from {property})" : "";
            report($"the marshaller sends {surplus}{origin}, which is no member of the model's input.");
        }
    }
}
