using System.Text.RegularExpressions;

namespace Liftoff.Packaging;

/// <summary>
/// What artifacts/manifest.json must look like to be used: every entry as Package writes it. A hand edit that breaks one
/// (a hash that is not a hash, a path that leaves the repository) stops Upload and Deploy when they read the manifest,
/// before anything reaches AWS, instead of surfacing as a half-done deploy or a .NET format error.
/// </summary>
internal static partial class ManifestCheck
{
    /// <returns>The first problem, as "the entry for shop/api: ...", or null when the manifest is sound.</returns>
    public static string? Problem(ArtifactManifest manifest)
    {
        foreach (var artifact in manifest.Artifacts)
            if (Problem(artifact) is { } problem)
                return $"the entry for {artifact.Project}/{artifact.Function}: {problem}";
        foreach (var frontEnd in manifest.FrontEnds)
            if (Problem(frontEnd) is { } problem)
                return $"the front end of {frontEnd.Project}: {problem}";
        return null;
    }

    private static string? Problem(Artifact artifact)
    {
        if (!Sha256Hex().IsMatch(artifact.Sha256Hex)) return $"sha256Hex '{artifact.Sha256Hex}' is not 64 lowercase hex digits";
        if (!SameHash(artifact.Sha256Base64, artifact.Sha256Hex)) return "sha256Base64 is not the base64 of sha256Hex";
        if (artifact.Path != Artifact.RelativePathFor(artifact.Project, artifact.Function))
            return $"path '{artifact.Path}' is not {Artifact.RelativePathFor(artifact.Project, artifact.Function)}";
        return artifact.Size > 0 ? null : $"size {artifact.Size} is not a ZIP's";
    }

    private static string? Problem(AssetManifest frontEnd)
    {
        if (!IsInside(frontEnd.SourceDirectory)) return $"sourceDirectory '{frontEnd.SourceDirectory}' is not a folder inside the repository";
        foreach (var asset in frontEnd.Assets)
        {
            if (!IsInside(asset.Path)) return $"the asset path '{asset.Path}' is not a site path (relative, forward slashes, no '..')";
            if (!Sha256Hex().IsMatch(asset.Sha256Hex)) return $"the sha256Hex of '{asset.Path}' is not 64 lowercase hex digits";
        }
        return null;
    }

    /// <summary>Relative, forward slashes, no '..': a path that cannot leave the folder it is relative to.</summary>
    private static bool IsInside(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\') && !path.Contains(':') && !path.Split('/').Contains("..");

    private static bool SameHash(string base64, string hex)
    {
        var bytes = new byte[32];
        return Convert.TryFromBase64String(base64, bytes, out var written) && written == 32 && Convert.ToHexStringLower(bytes) == hex;
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
