using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;

namespace Liftoff.Uploading;

/// <summary>
/// The content-addressed keys this checkout has seen in a bucket (artifacts, uploaded or found there), kept in
/// .nuke/temp/uploaded, so that an unchanged project costs Upload nothing instead of a HEAD per artifact. It can be
/// stale (an object deleted by hand, a local AWS restarted empty), and nothing relies on it being right: Deploy, once
/// it knows it will deploy, checks each package it points the stack at with a HEAD, sending what is missing
/// (<c>Deploying/UploadedArtifacts</c>); a bucket Upload has to create starts with an empty record.
/// </summary>
public sealed class ConfirmedUploads
{
    private readonly string _file;
    private readonly ConcurrentDictionary<string, byte> _keys;
    private int _changed;

    private ConfirmedUploads(string file, IEnumerable<string> keys)
    {
        _file = file;
        _keys = new ConcurrentDictionary<string, byte>(keys.Select(k => KeyValuePair.Create(k, (byte)0)), StringComparer.Ordinal);
    }

    /// <summary>The record for one bucket at one endpoint (AWS when null) in one region.</summary>
    public static async Task<ConfirmedUploads> LoadAsync(
        string rootDirectory, string bucket, string region, string? endpoint, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes($"{endpoint ?? "aws"}\n{region}\n{bucket}")));
        var file = Path.Combine(rootDirectory, ".nuke", "temp", "uploaded", $"{bucket}-{id}.txt");
        try
        {
            return new ConfirmedUploads(file, await File.ReadAllLinesAsync(file, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ConfirmedUploads(file, []);
        }
    }

    /// <summary>Content-addressed keys name their content, so the key alone says what is stored.</summary>
    public bool Contains(string key) => _keys.ContainsKey(key);

    public void Add(string key)
    {
        if (key.AsSpan().IndexOfAny('\n', '\r') >= 0) return;
        if (_keys.TryAdd(key, 0)) Interlocked.Exchange(ref _changed, 1);
    }

    /// <summary>Forgets every key: the bucket was just created, so nothing recorded for its name is in it.</summary>
    public void Clear()
    {
        if (_keys.IsEmpty) return;
        _keys.Clear();
        Interlocked.Exchange(ref _changed, 1);
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_changed == 0) return;
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var temp = $"{_file}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllLinesAsync(temp, _keys.Keys.Order(StringComparer.Ordinal), cancellationToken);
            File.Move(temp, _file, overwrite: true);
        }
        catch (IOException)
        {
            // Unwritten, it costs the next Upload a HEAD per artifact, nothing else.
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
