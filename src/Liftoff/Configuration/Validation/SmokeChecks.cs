using System.Text.Json;
using Liftoff.Configuration.Model;
using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Validation;

/// <summary>
/// project.yaml's smokeChecks checked and resolved: each kind has what it needs and nothing of the other kind
/// (an http check a path, an invoke check one of the project's functions), payloads are JSON, and every error
/// points at the key the user wrote.
/// </summary>
internal sealed class SmokeChecks(ICollection<ConfigurationError> errors, SourceMap map)
{
    public IReadOnlyList<SmokeCheck> Resolve(
        ProjectDefinition definition, IReadOnlyCollection<string> functions, Func<string, string, SourceLocation, string> substitute)
    {
        var checks = new List<SmokeCheck>();
        foreach (var (check, i) in (definition.SmokeChecks ?? []).Select((c, i) => (c, i)))
        {
            var key = $"smokeChecks[{i}]";
            var kind = check.Kind == SmokeCheckDefinition.Invoke ? SmokeCheckKind.Invoke : SmokeCheckKind.Http;
            if (kind == SmokeCheckKind.Http) CheckHttp(check, key);
            else CheckInvoke(check, key, functions);
            checks.Add(new SmokeCheck
            {
                Name = check.Name ?? (kind == SmokeCheckKind.Http ? $"{check.Method ?? "GET"} {check.Path}" : $"invoke {check.Function}"),
                Kind = kind,
                Method = check.Method ?? "GET",
                Path = check.Path ?? "/",
                Headers = (check.Headers ?? new Dictionary<string, string>()).ToDictionary(
                    h => h.Key, h => substitute(h.Value, $"{key}.headers.{h.Key}", map.Where(check.Headers!, h.Key)), StringComparer.OrdinalIgnoreCase),
                Body = check.Body,
                ExpectedStatus = check.Status ?? 200,
                Function = check.Function,
                Payload = check.Payload ?? "{}",
                BodyContains = check.BodyContains,
                Json = check.Json ?? new Dictionary<string, string>(),
                MaxLatencyMs = check.MaxLatencyMs,
            });
        }
        return checks;
    }

    private void CheckHttp(SmokeCheckDefinition check, string key)
    {
        if (check.Path is null)
            errors.Add(map.WhereIs(check).Error($"'{key}' is an http check and needs 'path': the path below the API URL, e.g. path: /health"));
        foreach (var (name, value) in new[] { (nameof(check.Function), check.Function), (nameof(check.Payload), check.Payload) })
            if (value is not null)
                errors.Add(map.Where(check, name).Error(
                    $"'{key}.{Camel(name)}' belongs to invoke checks; this one is an http check. Add kind: invoke, or use path and body"));
    }

    private void CheckInvoke(SmokeCheckDefinition check, string key, IReadOnlyCollection<string> functions)
    {
        if (check.Function is null)
            errors.Add(map.WhereIs(check).Error(
                $"'{key}' is an invoke check and needs 'function': one of {string.Join(", ", functions.Order(StringComparer.Ordinal))}"));
        else if (!functions.Contains(check.Function))
            errors.Add(map.Where(check, nameof(check.Function)).Error(
                $"'{key}.function' is '{check.Function}', which is not a function of this project; {Suggestions.Hint(check.Function, functions.ToList(), "its functions")}"));
        foreach (var (name, value) in new[]
                 {
                     (nameof(check.Path), (object?)check.Path), (nameof(check.Method), check.Method), (nameof(check.Headers), check.Headers),
                     (nameof(check.Body), check.Body), (nameof(check.Status), check.Status),
                 })
            if (value is not null)
                errors.Add(map.Where(check, name).Error(
                    $"'{key}.{Camel(name)}' belongs to http checks; an invoke check sends 'payload' and checks the function's result " +
                    "with bodyContains, json and maxLatencyMs"));
        if (check.Payload is { } payload)
        {
            try
            {
                using var _ = JsonDocument.Parse(payload);
            }
            catch (JsonException e)
            {
                errors.Add(map.Where(check, nameof(check.Payload)).Error(
                    $"'{key}.payload' is not JSON ({e.Message.Split(" LineNumber:")[0]}); write the event as JSON text, e.g. payload: '{{\"name\": \"ada\"}}'"));
            }
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
