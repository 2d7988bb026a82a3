using Liftoff.Packaging;

namespace Liftoff.Uploading;

/// <summary>One packaged function: its zip on disk and the sha256 the package step computed for it.</summary>
public sealed record ArtifactToUpload(string Project, string Function, string Sha256Hex, string FilePath)
{
    public string Key => Artifact.ObjectKeyFor(Project, Function, Sha256Hex);

    public static ArtifactToUpload From(Artifact artifact, string rootDirectory) =>
        new(artifact.Project, artifact.Function, artifact.Sha256Hex, artifact.FullPath(rootDirectory));
}

public enum UploadOutcome
{
    Uploaded,
    /// <summary>A HEAD found it in the bucket.</summary>
    AlreadyPresent,
    /// <summary>This checkout sent or found it there before (<see cref="ConfirmedUploads"/>): not asked again.</summary>
    AlreadySent,
}

/// <summary>What happened to one artifact: its key, whether it was sent, and how many bytes went over the wire.</summary>
public sealed record UploadedArtifact(
    string Project,
    string Function,
    string Sha256Hex,
    string Key,
    UploadOutcome Outcome,
    long Size,
    long BytesSent,
    bool Multipart,
    TimeSpan Duration);
