namespace Liftoff.Packaging;

/// <summary>Proves a finished artifact's handler loads in its runtime (filled in by the verification step).</summary>
public sealed class HandlerVerifier
{
    public Task VerifyAsync(ArtifactRequest request, string zipPath, CancellationToken ct) => Task.CompletedTask;
}
