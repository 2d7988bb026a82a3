namespace Liftoff.Deploying;

/// <summary>The points of a deploy where a test can stop it, to kill it, signal it or race another run against it there.</summary>
public enum DeployPoint
{
    /// <summary>Artifacts uploaded, lock taken, record in progress; nothing in the stack or functions changed yet.</summary>
    AfterUpload,
    /// <summary>The change set is created and described, not yet executed.</summary>
    AfterChangeSet,
    /// <summary>ExecuteChangeSet was sent; the stack's events are not yet followed.</summary>
    DuringExecution,
    /// <summary>The alias serves the first share of traffic on the new versions (canary or linear).</summary>
    DuringShift,
    /// <summary>The front end's new files other than pages are uploaded; pages and deletions are not.</summary>
    DuringFrontEnd,
}

/// <summary>
/// A test hook: a deploy stops at a <see cref="DeployPoint"/> until the test lets it go. Production runs use
/// <see cref="DeployPause.None"/>; <see cref="DeployPause.FromEnvironment"/> reads the hook from the environment.
/// </summary>
public interface IDeployPause
{
    ValueTask AtAsync(DeployPoint point, CancellationToken cancellationToken);
}

public static class DeployPause
{
    public const string PointVariable = "LIFTOFF_TEST_PAUSE_AT";
    public const string FolderVariable = "LIFTOFF_TEST_PAUSE_DIR";

    public static IDeployPause None { get; } = new NoPause();

    /// <summary>
    /// Test hook (README, "What Liftoff guarantees"): with LIFTOFF_TEST_PAUSE_AT=&lt;point&gt; (kebab-case, e.g. during-shift)
    /// and LIFTOFF_TEST_PAUSE_DIR=&lt;folder&gt;, a deploy reaching that point writes &lt;folder&gt;/&lt;point&gt;.paused (holding
    /// its process id) and waits, cancellably, until &lt;folder&gt;/&lt;point&gt;.resume exists. So a test stops a real
    /// ./build.sh process at a chosen point without sleeping. Without both variables, no pause.
    /// </summary>
    public static IDeployPause FromEnvironment(Func<string, string?> variable)
    {
        var point = variable(PointVariable);
        var folder = variable(FolderVariable);
        if (string.IsNullOrEmpty(point) || string.IsNullOrEmpty(folder)) return None;
        var parsed = Enum.GetValues<DeployPoint>().FirstOrDefault(p => Name(p) == point.Trim().ToLowerInvariant(), (DeployPoint)(-1));
        if (!Enum.IsDefined(parsed))
            throw new DeployException($"{PointVariable}={point} is not a pause point: use one of {string.Join(", ", Enum.GetValues<DeployPoint>().Select(Name))}.");
        return new FilePause(parsed, folder);
    }

    /// <summary>A point's name in the hook's files and variable: AfterChangeSet → after-change-set.</summary>
    public static string Name(DeployPoint point) =>
        string.Concat(point.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private sealed class NoPause : IDeployPause
    {
        public ValueTask AtAsync(DeployPoint point, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class FilePause(DeployPoint at, string folder) : IDeployPause
    {
        private static readonly TimeSpan Look = TimeSpan.FromMilliseconds(50);

        public async ValueTask AtAsync(DeployPoint point, CancellationToken cancellationToken)
        {
            if (point != at) return;
            var name = Path.Combine(folder, Name(point));
            await File.WriteAllTextAsync(name + ".paused", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            while (!File.Exists(name + ".resume"))
                await Task.Delay(Look, cancellationToken);
        }
    }
}
