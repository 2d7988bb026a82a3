namespace Liftoff.Engine;

/// <summary>
/// Lifecycle methods a build overrides, as NUKE's (<c>protected override void OnBuildInitialized()</c>). An exception from
/// one before the targets run fails the build with exit 1; from a target event, it fails that target's run.
/// </summary>
public abstract partial class LiftoffBuild
{
    /// <summary>After the build object was created and before parameters are read.</summary>
    protected internal virtual void OnBuildCreated()
    {
    }

    /// <summary>After parameters and injected values are set and requirements checked, before the first target runs.</summary>
    protected internal virtual void OnBuildInitialized()
    {
    }

    /// <summary>After the last target and the summary, whether the build succeeded or failed.</summary>
    protected internal virtual void OnBuildFinished()
    {
    }

    /// <summary>Before a target's actions run.</summary>
    protected internal virtual void OnTargetRunning(string target)
    {
    }

    /// <summary>NUKE 5's name for <see cref="OnTargetRunning"/>; called right after it.</summary>
    protected internal virtual void OnTargetStart(string target)
    {
    }

    protected internal virtual void OnTargetSkipped(string target)
    {
    }

    protected internal virtual void OnTargetSucceeded(string target)
    {
    }

    protected internal virtual void OnTargetFailed(string target)
    {
    }
}
