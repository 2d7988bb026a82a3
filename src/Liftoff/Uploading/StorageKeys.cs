namespace Liftoff.Uploading;

/// <summary>Where each kind of object lives in the artifact bucket. Content-addressed keys never change meaning.</summary>
public static class StorageKeys
{
    public static string Artifact(string project, string function, string sha256Hex) =>
        $"{project}/{function}/{sha256Hex}.zip";

    public static string Template(string project, string sha256Hex) =>
        $"{ArtifactBucketLifecycle.TemplatePrefix}{project}/{sha256Hex}.yaml";
}
