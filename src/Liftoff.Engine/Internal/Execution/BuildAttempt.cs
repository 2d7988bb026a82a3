using System.Security.Cryptography;
using System.Text;

namespace Liftoff.Engine.Internal.Execution;

/// <summary>
/// What the last run did, for --continue, as NUKE's build attempt: .nuke/temp/build-attempt.log holds a hash of the
/// run's arguments (without --continue) and the targets that succeeded. A run with --continue and the same arguments
/// skips those; any other run starts over.
/// </summary>
internal sealed class BuildAttempt(string rootDirectory, IReadOnlyList<string> arguments)
{
    private string FilePath => Path.Combine(rootDirectory, ".nuke", "temp", "build-attempt.log");

    private string Hash { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\n', arguments.Where(a => !a.TrimStart('-').Equals("continue", StringComparison.OrdinalIgnoreCase))))));

    /// <summary>The targets that succeeded in the last run with these arguments; empty when it had others.</summary>
    public async Task<IReadOnlySet<string>> SucceededBeforeAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath)) return new HashSet<string>();
        var lines = await File.ReadAllLinesAsync(FilePath, cancellationToken);
        return lines.Length > 0 && lines[0] == Hash ? lines.Skip(1).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();
    }

    /// <summary>Records this run; only where the root has a .nuke folder, as the schema is.</summary>
    public async Task RecordAsync(IEnumerable<string> succeeded, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(rootDirectory, ".nuke"))) return;
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await File.WriteAllLinesAsync(FilePath, succeeded.Prepend(Hash), CancellationToken.None);
    }
}
