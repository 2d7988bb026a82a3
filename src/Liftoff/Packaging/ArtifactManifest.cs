using System.Text.Json;
using System.Text.Json.Serialization;

namespace Liftoff.Packaging;

/// <summary>
/// artifacts/manifest.json: what Package made, read by Upload and Deploy. Entries stay sorted by project
/// and function so the file itself is stable; packaging a subset of projects keeps the others' entries.
/// </summary>
public sealed record ArtifactManifest(IReadOnlyList<Artifact> Artifacts, IReadOnlyList<AssetManifest> FrontEnds)
{
    public const string RelativePath = "artifacts/manifest.json";
    public const int CurrentVersion = 1;

    [JsonPropertyOrder(-1)]
    public int Version { get; init; } = CurrentVersion;

    public static ArtifactManifest Empty { get; } = new([], []);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // A file for people and tools, never embedded in HTML: keep base64's '+' readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // A hand-edited file with a field missing or null is refused with its position, not met later as a null.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = ArtifactManifestJson.Default,
    };

    public static string PathIn(string rootDirectory) => Path.Combine(rootDirectory, "artifacts", "manifest.json");

    public Artifact? Find(string project, string function) =>
        Artifacts.FirstOrDefault(a => a.Project == project && a.Function == function);

    public AssetManifest? FindFrontEnd(string project) => FrontEnds.FirstOrDefault(f => f.Project == project);

    /// <summary>This manifest with these artifacts added, replacing any of the same project and function.</summary>
    public ArtifactManifest With(IEnumerable<Artifact> artifacts)
    {
        var replaced = artifacts.ToList();
        return this with
        {
            Artifacts = Artifacts.Where(a => !replaced.Any(r => r.Project == a.Project && r.Function == a.Function))
                .Concat(replaced).OrderBy(a => a.Project, StringComparer.Ordinal).ThenBy(a => a.Function, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>This manifest with these front ends added, replacing any of the same project.</summary>
    public ArtifactManifest With(IEnumerable<AssetManifest> frontEnds)
    {
        var replaced = frontEnds.ToList();
        return this with
        {
            FrontEnds = FrontEnds.Where(f => !replaced.Any(r => r.Project == f.Project))
                .Concat(replaced).OrderBy(f => f.Project, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>The manifest under <paramref name="rootDirectory"/>, or <see cref="Empty"/> when there is none yet.</summary>
    public static async Task<ArtifactManifest> LoadAsync(string rootDirectory, CancellationToken ct)
    {
        var path = PathIn(rootDirectory);
        if (!File.Exists(path)) return Empty;
        await using var stream = File.OpenRead(path);
        try
        {
            var manifest = await JsonSerializer.DeserializeAsync<ArtifactManifest>(stream, Json, ct);
            if (manifest is null) return Empty;
            if (manifest.Version != CurrentVersion)
                throw new PackagingException($"{path} has version {manifest.Version}; this Liftoff reads version {CurrentVersion}. Run Package --force to remake it.");
            if (ManifestCheck.Problem(manifest) is { } problem)
                throw new PackagingException($"{path}: {problem}; it is not as Package wrote it. Run ./build.sh Package --force to remake it.");
            return manifest;
        }
        catch (JsonException e)
        {
            throw new PackagingException($"{path}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: the artifact manifest is not valid JSON ({e.Message}). Delete it and run Package again.");
        }
    }

    /// <summary>
    /// Writes to a temporary file beside the manifest, then renames it over the old one: a reader, or a
    /// Ctrl-C at any moment, sees the old manifest or the new one, never half of one.
    /// </summary>
    public async Task SaveAsync(string rootDirectory, CancellationToken ct)
    {
        var path = PathIn(rootDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await JsonSerializer.SerializeAsync(stream, this, Json, ct);
                await stream.WriteAsync("\n"u8.ToArray(), ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
