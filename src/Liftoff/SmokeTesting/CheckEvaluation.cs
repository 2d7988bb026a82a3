using System.Text.Json;
using Liftoff.Configuration;

namespace Liftoff.SmokeTesting;

/// <summary>Whether an answer meets a check's expectations; the first unmet one, in words, when it does not.</summary>
public static class CheckEvaluation
{
    public static string? Failure(SmokeCheck check, int? status, string body, TimeSpan latency)
    {
        if (status is { } code && code != check.ExpectedStatus)
            return $"status {code}, expected {check.ExpectedStatus}";
        if (check.BodyContains is { } text && !body.Contains(text, StringComparison.Ordinal))
            return $"{What(check)} does not contain {text}";
        if (check.Json.Count > 0)
        {
            JsonElement document;
            try
            {
                using var parsed = JsonDocument.Parse(body);
                document = parsed.RootElement.Clone();
            }
            catch (JsonException)
            {
                return $"{What(check)} is not JSON, so {string.Join(", ", check.Json.Keys)} cannot be checked";
            }
            foreach (var (pointer, expected) in check.Json)
            {
                var found = JsonPointer.Find(document, pointer);
                if (found is null) return $"{What(check)} has nothing at {Display(pointer)}, expected {expected}";
                var actual = JsonPointer.TextOf(found.Value);
                if (actual != expected) return $"{Display(pointer)} is {actual}, expected {expected}";
            }
        }
        if (check.MaxLatencyMs is { } limit && latency.TotalMilliseconds > limit)
            return $"took {latency.TotalMilliseconds:0} ms, over the limit of {limit} ms";
        return null;
    }

    private static string What(SmokeCheck check) => check.Kind == SmokeCheckKind.Http ? "the body" : "the result";

    private static string Display(string pointer) => pointer.Length == 0 ? "the document" : pointer;
}
