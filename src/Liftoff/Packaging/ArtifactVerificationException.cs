namespace Liftoff.Packaging;

/// <summary>A finished artifact whose handler is missing or does not load in its runtime.</summary>
public sealed class ArtifactVerificationException(string message, string? runtimeError) : PackagingException(message)
{
    /// <summary>What the runtime printed (stderr), when it got as far as running.</summary>
    public string? RuntimeError => runtimeError;
}
