using System.Text.Json;

namespace Liftoff.SmokeTesting;

/// <summary>RFC 6901 JSON pointers (<c>/users/0/id</c>, <c>~1</c> for '/', <c>~0</c> for '~') read against a document.</summary>
public static class JsonPointer
{
    /// <returns>The value the pointer names, or null when the document has nothing there.</returns>
    public static JsonElement? Find(JsonElement document, string pointer)
    {
        if (pointer.Length == 0) return document;
        var current = document;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/").Replace("~0", "~");
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var property)) current = property;
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, out var index) && index >= 0 && index < current.GetArrayLength())
                current = current[index];
            else return null;
        }
        return current;
    }

    /// <summary>How a check's expected value compares: a string by its text, anything else by its compact JSON.</summary>
    public static string TextOf(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : JsonSerializer.Serialize(value);
}
