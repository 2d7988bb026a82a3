using System.Net;
using System.Reflection;
using Amazon.Runtime;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// Checks one client as a whole: its service definition against the model's metadata, that every
/// operation of its interface is a cataloged (and so checked) operation, and that every error code with a
/// typed exception is an error shape of the model, with the official SDK's exception name.
/// </summary>
public static class ServiceConformance
{
    public static IReadOnlyList<string> Check(CatalogedService service, ServiceModel model)
    {
        var findings = new List<string>();
        var definition = service.Definition;
        void Report(string finding) => findings.Add($"{definition.ServiceId}: {finding}");

        Expect("signing name", model.SigningName, definition.SigningName, Report);
        Expect("endpoint prefix", model.EndpointPrefix, definition.EndpointPrefix, Report);
        if (service.ClientInterface is null)
            Report($"no client interface IAmazon… in the namespace of {definition.ServiceId}'s config, so its operations cannot be matched to the client.");
        else
            CheckCoverage(service, Report);
        CheckErrors(service, model, Report);
        return findings;
    }

    private static void Expect(string what, string? model, string ours, Action<string> report)
    {
        if (model != ours)
            report($"the {what} is '{ours}'; the model's is '{model}'.");
    }

    /// <summary>Every request-taking method of the client interface runs a cataloged operation of the same name and types.</summary>
    private static void CheckCoverage(CatalogedService service, Action<string> report)
    {
        foreach (var method in service.ClientInterface!.GetMethods())
        {
            if (method.GetParameters() is not [var request, ..] || !request.ParameterType.IsSubclassOf(typeof(AmazonWebServiceRequest)))
                continue;
            var name = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^5] : method.Name;
            var operation = service.Operations.FirstOrDefault(o => o.Request == request.ParameterType);
            if (operation is null)
                report($"{service.ClientInterface.Name}.{method.Name} takes a {request.ParameterType.Name}, but no AwsOperation in the client's namespace does: it would go unchecked.");
            else if (operation.Name != name)
                report($"{service.ClientInterface.Name}.{method.Name} runs the operation named {operation.Name} ({operation.DefinedIn}); the official SDK's method is {operation.Name}Async.");
        }
    }

    private static void CheckErrors(CatalogedService service, ServiceModel model, Action<string> report)
    {
        var shapes = model.ErrorShapesByCode;
        foreach (var errors in service.Errors)
            foreach (var code in errors.TypedCodes)
            {
                var candidates = shapes[code].ToList();
                if (candidates.Count == 0)
                {
                    var near = shapes.Select(g => g.Key).FirstOrDefault(k => k.StartsWith(code, StringComparison.OrdinalIgnoreCase) || code.StartsWith(k, StringComparison.OrdinalIgnoreCase));
                    report($"error code '{code}' gets a typed exception, but no error shape of the model is sent with that code" +
                           (near is null ? "." : $" (the model has '{near}')."));
                    continue;
                }
                var exception = errors.Create("conformance", null, ErrorType.Sender, code, "conformance-request", HttpStatusCode.BadRequest);
                var sdkNames = candidates.Select(s => SdkNames.Exception(s.Name)).ToList();
                if (!sdkNames.Contains(exception.GetType().Name))
                    report($"error code '{code}' becomes a {exception.GetType().Name}; the official SDK throws {string.Join(" or ", sdkNames)} " +
                           $"(shape {string.Join(", ", candidates.Select(s => s.Name))}).");
            }
    }
}
