namespace Liftoff.Tests.Trust;

/// <summary>Which requests the proxy logged can change something in AWS, from the operation it logged.</summary>
internal static class AwsRequests
{
    private static readonly string[] Reading = ["Describe", "List", "Get", "Head", "Validate"];

    /// <summary>
    /// REST requests are logged as "METHOD /path": GET and HEAD read, every other method writes. Query and JSON requests
    /// are logged by action: Describe*, List*, Get*, Validate* read (GetCallerIdentity too), every other action writes.
    /// </summary>
    public static bool IsMutating(string operation)
    {
        var space = operation.IndexOf(' ');
        if (space > 0) return operation[..space] is not ("GET" or "HEAD");
        return !Reading.Any(prefix => operation.StartsWith(prefix, StringComparison.Ordinal));
    }
}

/// <summary>What only .NET writes: a made-up exception message, a stack frame, an exception's type name.</summary>
internal static class DotNetText
{
    public static bool IsIn(string output) =>
        output.Contains("Exception of type '", StringComparison.Ordinal) ||
        output.Contains("   at Liftoff.", StringComparison.Ordinal) ||
        output.Contains("   at System.", StringComparison.Ordinal) ||
        output.Contains("System.", StringComparison.Ordinal) && output.Contains("Exception", StringComparison.Ordinal) ||
        output.Contains("Object reference not set", StringComparison.Ordinal);
}
