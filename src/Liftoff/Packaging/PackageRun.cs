using Spectre.Console;

namespace Liftoff.Packaging;

/// <summary>
/// The whole of Package: every function's artifact (built or reused, verified), every front end's asset
/// manifest, both recorded in artifacts/manifest.json, and the table that says what happened.
/// </summary>
public sealed class PackageRun(string rootDirectory, PackagingSettings settings, HandlerVerifier? verifier)
{
    public async Task<(IReadOnlyList<PackageResult> Artifacts, IReadOnlyList<AssetManifest> FrontEnds)> RunAsync(
        PackageInputs inputs, bool force, IAnsiConsole console, CancellationToken ct)
    {
        var artifacts = await new ArtifactPackager(rootDirectory, settings) { Verifier = verifier }.PackageAsync(inputs.Artifacts, force, ct);

        var frontEnds = new List<AssetManifest>();
        foreach (var (project, output) in inputs.FrontEnds)
            frontEnds.Add(await AssetManifestBuilder.BuildAsync(project, output, rootDirectory, settings.MaxParallelism, ct));
        var manifest = await ArtifactManifest.LoadAsync(rootDirectory, ct);
        var changed = frontEnds.Where(f => !SameAs(f, manifest.FindFrontEnd(f.Project))).Select(f => f.Project).ToHashSet();
        if (changed.Count > 0) await manifest.With(frontEnds).SaveAsync(rootDirectory, ct);

        PackageReport.Write(console, artifacts, frontEnds, changed);
        return (artifacts, frontEnds);
    }

    private static bool SameAs(AssetManifest current, AssetManifest? recorded) =>
        recorded is not null && recorded.SourceDirectory == current.SourceDirectory && recorded.Assets.SequenceEqual(current.Assets);
}
