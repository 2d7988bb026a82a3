using System.Collections.Concurrent;

namespace Liftoff.Uploading;

/// <summary>
/// The objects this run's Upload sent or saw in a bucket (artifacts): Deploy, in the same run, need not ask S3 again for them before it records a release that names them.
/// Unlike <see cref="ConfirmedUploads"/>, which earlier runs wrote, this is never stale.
/// </summary>
public sealed class UploadedThisRun
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    public void Add(string bucket, string key) => _seen.TryAdd($"{bucket}\n{key}", 0);

    public bool Contains(string bucket, string key) => _seen.ContainsKey($"{bucket}\n{key}");
}
