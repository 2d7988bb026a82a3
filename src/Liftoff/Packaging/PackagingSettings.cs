using System.Globalization;
using Liftoff.Packaging.Zip;

namespace Liftoff.Packaging;

/// <summary>
/// How artifacts are made. <see cref="CompressionLevel"/> and <see cref="Timestamp"/> change the bytes, so
/// they are part of every artifact's inputs hash; the limits and the parallelism do not.
/// </summary>
public sealed record PackagingSettings
{
    /// <summary>Deflate level 0-9 for every entry (6 is zip's default, a good size/speed balance).</summary>
    public int CompressionLevel { get; init; } = 6;

    /// <summary>Modification time written on every entry; see <see cref="FromEnvironment"/>.</summary>
    public DateTimeOffset Timestamp { get; init; } = DosDateTime.Minimum;

    public ArtifactLimits Limits { get; init; } = ArtifactLimits.Lambda;

    /// <summary>Compressions running at once across every artifact being made.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Settings with the timestamp taken from SOURCE_DATE_EPOCH (seconds since 1970, UTC; the
    /// reproducible-builds.org convention) when set, else 1980-01-01, the earliest a ZIP can hold.
    /// </summary>
    public static PackagingSettings FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var epoch = getVariable("SOURCE_DATE_EPOCH");
        if (string.IsNullOrWhiteSpace(epoch)) return new PackagingSettings();
        if (!long.TryParse(epoch.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            throw new PackagingException(
                $"SOURCE_DATE_EPOCH is '{epoch}', which is not a number of seconds since 1970-01-01 UTC. " +
                "Set it to an integer such as the last commit's time (git log -1 --format=%ct) or unset it.");
        return new PackagingSettings { Timestamp = DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799)) };
    }
}
