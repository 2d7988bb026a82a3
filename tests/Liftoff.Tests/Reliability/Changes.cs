using Liftoff.Tests.Aws;

namespace Liftoff.Tests.Reliability;

/// <summary>Which requests a proxy let through changed something in AWS: mutating calls that reached moto and succeeded.</summary>
internal static class Changes
{
    /// <summary>The changes among <paramref name="requests"/>, leaving out the deployment lock's own object (taking and releasing it).</summary>
    public static IReadOnlyList<ProxiedRequest> Of(IEnumerable<ProxiedRequest> requests) =>
        requests.Where(r => r.ReachedMoto && r.Status is >= 200 and < 300 && IsMutating(r) && !r.Target.Contains("/locks/", StringComparison.Ordinal))
            .OrderBy(r => r.Sequence)
            .ToList();

    public static string Describe(IEnumerable<ProxiedRequest> requests) => string.Join(", ", requests.Select(r => r.Operation));

    private static bool IsMutating(ProxiedRequest r) => r.Service switch
    {
        "s3" or "lambda" => !r.Target.StartsWith("GET ", StringComparison.Ordinal) && !r.Target.StartsWith("HEAD ", StringComparison.Ordinal),
        _ => new[] { "Create", "Execute", "Update", "Delete", "Put", "Publish", "Set" }.Any(verb => r.Operation.StartsWith(verb, StringComparison.Ordinal)),
    };
}
