using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Amazon.Runtime;

namespace Liftoff.Tests.Aws;

/// <summary>
/// Compares what Liftoff's client read with what the AWS CLI read, member by member: every scalar member
/// of ours that the CLI's JSON also has must agree (names matched case-insensitively, timestamps as
/// instants, SDK constants by value); nested objects and lists recurse.
/// </summary>
internal static class FieldByField
{
    /// <summary>Asserts agreement and returns how many members were compared (so a check cannot pass vacuously).</summary>
    public static int AssertMatches(JsonElement cli, object ours, params string[] skip) => AssertMatches(cli, ours, "$", skip);

    private static int AssertMatches(JsonElement cli, object ours, string path, string[] skip)
    {
        var compared = 0;
        foreach (var property in ours.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.DeclaringType == typeof(AmazonWebServiceResponse) || skip.Contains(property.Name) || !TryGet(cli, property.Name, out var theirs))
                continue;
            var value = property.GetValue(ours);
            compared += Compare(theirs, value, $"{path}.{property.Name}");
        }
        return compared;
    }

    private static int Compare(JsonElement theirs, object? ours, string path)
    {
        switch (ours)
        {
            case null:
                Assert.True(theirs.ValueKind is JsonValueKind.Null || (theirs.ValueKind == JsonValueKind.String && theirs.GetString() == ""),
                    $"{path}: Liftoff read nothing, the CLI read {theirs}");
                return 1;
            case string s:
                Assert.True(s == theirs.ToString(), $"{path}: Liftoff read '{s}', the CLI read '{theirs}'");
                return 1;
            case ConstantClass c:
                Assert.True(c.Value == theirs.GetString(), $"{path}: Liftoff read '{c.Value}', the CLI read '{theirs}'");
                return 1;
            case bool b:
                Assert.True(b == theirs.GetBoolean(), $"{path}: Liftoff read {b}, the CLI read {theirs}");
                return 1;
            case int or long or double:
                Assert.True(Convert.ToDouble(ours, CultureInfo.InvariantCulture) == theirs.GetDouble(), $"{path}: Liftoff read {ours}, the CLI read {theirs}");
                return 1;
            case DateTime d:
                var cliInstant = theirs.ValueKind == JsonValueKind.Number
                    ? DateTimeOffset.FromUnixTimeMilliseconds((long)(theirs.GetDouble() * 1000)).UtcDateTime
                    : DateTimeOffset.Parse(theirs.GetString()!, CultureInfo.InvariantCulture).UtcDateTime;
                Assert.True(Math.Abs((d.ToUniversalTime() - cliInstant).TotalMilliseconds) < 1, $"{path}: Liftoff read {d:o}, the CLI read {theirs}");
                return 1;
            case MemoryStream:
                return 0;
            case IDictionary dictionary:
                var count = 0;
                foreach (DictionaryEntry entry in dictionary)
                {
                    Assert.True(theirs.TryGetProperty((string)entry.Key, out var item), $"{path}: the CLI has no key {entry.Key}");
                    count += Compare(item, entry.Value, $"{path}[{entry.Key}]");
                }
                Assert.True(dictionary.Count == theirs.EnumerateObject().Count(), $"{path}: Liftoff read {dictionary.Count} entries, the CLI {theirs.EnumerateObject().Count()}");
                return count + 1;
            case IList { Count: 0 } when theirs.ValueKind == JsonValueKind.Null:
                return 1;
            case IList list:
                var items = theirs.EnumerateArray().ToList();
                Assert.True(list.Count == items.Count, $"{path}: Liftoff read {list.Count} items, the CLI read {items.Count}");
                var compared = 1;
                for (var i = 0; i < list.Count; i++)
                    compared += Compare(items[i], list[i], $"{path}[{i}]");
                return compared;
            default:
                return AssertMatches(theirs, ours, path, []);
        }
    }

    private static bool TryGet(JsonElement json, string name, out JsonElement value)
    {
        if (json.ValueKind == JsonValueKind.Object)
            foreach (var property in json.EnumerateObject())
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
        value = default;
        return false;
    }
}
