using System.Collections;
using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// Feeds an operation's unmarshaller the answer the model describes, with every output member set, and
/// checks that each property of our response (and of the types below it) holds what the answer sent under
/// that member's wire name: what our code reads is what AWS sends.
/// </summary>
public static class ResponseConformance
{
    public static IReadOnlyList<string> Check(CatalogedOperation operation, ServiceModel model, string protocol)
    {
        if (!model.HasOperation(operation.Name))
            return [$"{operation.Title}: the model ({model.Folder}) has no operation named {operation.Name}."];
        var operationModel = model.Operation(operation.Name);
        var answer = new ModelAnswer(operationModel, protocol);
        AmazonWebServiceResponse response;
        try
        {
            using var context = operation.Unmarshaller.CreateContext(answer.Http, false, new MemoryStream(answer.Body), null, false);
            response = operation.Unmarshaller.Unmarshall(context);
        }
        catch (Exception e)
        {
            return [$"{operation.Title}: the unmarshaller failed on the answer the model describes: {e.GetType().Name}: {e.Message}"];
        }
        var findings = new List<string>();
        var compared = operationModel.Output is { } output
            ? Compare(response, output, answer.Values, operation.Response.Name, f => findings.Add($"{operation.Title}: {f}"))
            : 0;
        // A check that compared nothing proves nothing: a response with properties must have had some of them read.
        if (compared == 0 && ShapeBinding.OwnProperties(operation.Response).Any())
            findings.Add($"{operation.Title}: none of {operation.Response.Name}'s properties could be compared with the model's output.");
        return findings;
    }

    private static int Compare(object ours, Shape shape, Dictionary<string, object?> sent, string path, Action<string> report)
    {
        var compared = 0;
        foreach (var property in ShapeBinding.OwnProperties(ours.GetType()))
        {
            var member = shape.Members.FirstOrDefault(m => ShapeBinding.PropertyFor(ours.GetType(), shape, m)?.Name == property.Name);
            if (member is null || sent.GetValueOrDefault(member.Name) is not { } expected)
                continue;
            compared += CompareValue(property.GetValue(ours), member, expected, $"{path}.{property.Name}", report);
        }
        return compared;
    }

    private static int CompareValue(object? actual, Member member, object expected, string path, Action<string> report)
    {
        var shape = member.Target;
        var where = member.Location is { } location ? $"{location} '{member.WireName}'" : $"'{member.WireName}'";
        switch (expected)
        {
            case Dictionary<string, object?> fields when shape.IsStructure:
                if (actual is not null) return Compare(actual, shape, fields, path, report);
                report($"{path} stayed null; the answer sent it as {where}.");
                return 1;
            case List<object?> items:
                var list = actual as IList;
                if (list?.Count != items.Count)
                {
                    report($"{path} holds {list?.Count.ToString(CultureInfo.InvariantCulture) ?? "null"} item(s); the answer sent {items.Count} as {where}.");
                    return 1;
                }
                return Enumerable.Range(0, items.Count).Sum(i => items[i] is { } item ? CompareValue(list[i], shape.Item, item, $"{path}[{i}]", report) : 0);
            case Dictionary<string, object?> entries:
                var map = actual as IDictionary;
                var comparedEntries = 1;
                foreach (var (key, value) in entries)
                {
                    if (map is null || !map.Contains(key)) report($"{path} lacks key '{key}', which the answer sent in {where}.");
                    else if (value is not null) comparedEntries += CompareValue(map[key], shape.Item, value, $"{path}[{key}]", report);
                }
                return comparedEntries;
            default:
                if (!SameScalar(actual, expected))
                    report($"{path} read {Show(actual)}; the answer sent {Show(expected)} as {where}.");
                return 1;
        }
    }

    private static bool SameScalar(object? actual, object expected) => (actual, expected) switch
    {
        (null, _) => false,
        (ConstantClass c, string s) => c.Value == s,
        (string a, string s) => a == s,
        (bool a, bool b) => a == b,
        (DateTime a, DateTime b) => a.ToUniversalTime() == b,
        (MemoryStream m, byte[] bytes) => m.ToArray().SequenceEqual(bytes),
        (IConvertible a, long or double) => Convert.ToDouble(a, CultureInfo.InvariantCulture) == Convert.ToDouble(expected, CultureInfo.InvariantCulture),
        _ => false,
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        ConstantClass c => $"'{c.Value}'",
        DateTime d => d.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture),
        byte[] bytes => $"{bytes.Length} bytes",
        MemoryStream m => $"{m.Length} bytes",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => $"'{value}'",
    };
}
