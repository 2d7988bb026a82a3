using System.Security.Cryptography;
using System.Text;
using Liftoff.Configuration.Runtimes;

namespace Liftoff.Building;

/// <summary>
/// Remembers templates cfn-lint found clean, so an unchanged repository does not pay cfn-lint's start-up
/// (most of a no-op deploy's time) on every run. A template counts as known-clean when its bytes, the
/// cfn-lint executable (path, size, time) and the day of the check match; templates with any finding are
/// always linted again so their warnings keep showing. CI starts from a clean clone and lints everything.
/// </summary>
public sealed class LintCache(string rootDirectory, TimeProvider? clock = null)
{
    // An upgrade of cfn-lint behind an unchanged shim (pyenv) is noticed within a day.
    private static readonly TimeSpan MaximumAge = TimeSpan.FromDays(1);

    private readonly string _directory = Path.Combine(rootDirectory, ".nuke", "temp", "lint");
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<bool> IsKnownCleanAsync(string template, CancellationToken cancellationToken)
    {
        var entry = Path.Combine(_directory, await KeyAsync(template, cancellationToken));
        return File.Exists(entry) && _clock.GetUtcNow() - File.GetLastWriteTimeUtc(entry) < MaximumAge;
    }

    public async Task RememberCleanAsync(string template, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, await KeyAsync(template, cancellationToken)),
            Path.GetRelativePath(rootDirectory, template), cancellationToken);
    }

    private static async Task<string> KeyAsync(string template, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(await File.ReadAllBytesAsync(template, cancellationToken));
        hash.AppendData(Encoding.UTF8.GetBytes(LinterIdentity()));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string LinterIdentity() => CfnLintData.Identity(CfnLintData.Executable());
}
