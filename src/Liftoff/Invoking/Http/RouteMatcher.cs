namespace Liftoff.Invoking.Http;

/// <summary>The route a request takes, with the path parameters it filled (<c>{id}</c>, <c>{proxy+}</c>).</summary>
public sealed record RouteMatch(ApiRoute Route, IReadOnlyDictionary<string, string> PathParameters);

/// <summary>
/// Picks the route of a request as API Gateway does: the most specific path wins (a literal segment before a
/// <c>{parameter}</c>, both before a greedy <c>{proxy+}</c>), then the exact method before ANY; an HTTP API's
/// <c>$default</c> route takes what nothing else matched.
/// </summary>
public static class RouteMatcher
{
    public static RouteMatch? Match(IReadOnlyList<ApiRoute> routes, string method, string path)
    {
        var segments = Segments(path);
        RouteMatch? best = null;
        int[]? bestRank = null;
        foreach (var route in routes.Where(r => r.Path != ApiRoute.DefaultRoute))
        {
            if (route.Method != "ANY" && !string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
            if (TryMatch(Segments(route.Path), segments, out var parameters, out var rank) is false) continue;
            rank = [.. rank, route.Method == "ANY" ? 1 : 0];
            if (bestRank is null || Compare(rank, bestRank) < 0)
            {
                best = new RouteMatch(route, parameters);
                bestRank = rank;
            }
        }
        return best ?? routes.Where(r => r.Path == ApiRoute.DefaultRoute)
            .OrderBy(r => r.Method == "ANY" ? 1 : 0)
            .Where(r => r.Method == "ANY" || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))
            .Select(r => new RouteMatch(r, new Dictionary<string, string>()))
            .FirstOrDefault();
    }

    private static bool TryMatch(string[] template, string[] segments, out Dictionary<string, string> parameters, out int[] rank)
    {
        parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var ranks = new List<int>();
        for (var i = 0; i < template.Length; i++)
        {
            var part = template[i];
            if (part.StartsWith('{') && part.EndsWith("+}", StringComparison.Ordinal))
            {
                // Greedy: one or more of the remaining segments, and only as the last part of the path.
                if (i != template.Length - 1 || segments.Length <= i) break;
                parameters[part[1..^2]] = string.Join('/', segments[i..].Select(Uri.UnescapeDataString));
                ranks.Add(2);
                rank = [.. ranks];
                return true;
            }
            if (i >= segments.Length) break;
            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                parameters[part[1..^1]] = Uri.UnescapeDataString(segments[i]);
                ranks.Add(1);
            }
            else if (part == segments[i]) ranks.Add(0);
            else break;
            if (i == template.Length - 1 && template.Length == segments.Length)
            {
                rank = [.. ranks];
                return true;
            }
        }
        rank = [.. ranks];
        return template.Length == 0 && segments.Length == 0;
    }

    private static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        return a.Length.CompareTo(b.Length);
    }

    private static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
