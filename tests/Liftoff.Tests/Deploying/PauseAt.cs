using Liftoff.Deploying;

namespace Liftoff.Tests.Deploying;

/// <summary>
/// The deploy's test hook in process: the deploy stops the first time it reaches <paramref name="point"/>, the test
/// awaits <see cref="Reached"/>, does what it wants there (another run, a cancel), then <see cref="Resume"/>s it.
/// </summary>
internal sealed class PauseAt(DeployPoint point) : IDeployPause
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => _reached.Task;

    public void Resume() => _resume.TrySetResult();

    public async ValueTask AtAsync(DeployPoint at, CancellationToken cancellationToken)
    {
        if (at != point || !_reached.TrySetResult()) return;
        await _resume.Task.WaitAsync(cancellationToken);
    }
}
