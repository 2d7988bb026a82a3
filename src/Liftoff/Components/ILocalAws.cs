using Liftoff.Engine;
using LocalAwsService = Liftoff.Aws.Local.LocalAws;

namespace Liftoff.Components;

/// <summary>
/// The local AWS for <c>--env local</c>: moto's server on the local environment's endpoint
/// (127.0.0.1:4566), started in the background when nothing answers there and left running for the next
/// commands. Every target that talks to AWS depends on <see cref="LocalAws"/>
/// (<c>.DependsOn&lt;ILocalAws&gt;(x =&gt; x.LocalAws)</c>); it does nothing unless --env is local.
/// <c>./build.sh LocalAwsStop</c> stops the server it started.
/// </summary>
public interface ILocalAws : IHazEnvironment
{
    [Parameter("Port of the local AWS (default: the local environment's endpoint port, else 4566)")]
    int? LocalAwsPort => TryGetValue(() => LocalAwsPort);

    Target LocalAws => _ => _
        .Description("Starts the local AWS (moto) for --env local, or uses the one already answering")
        .OnlyWhenStatic(() => string.Equals(Env, "local", StringComparison.OrdinalIgnoreCase))
        .Executes(async ct => await LocalAwsServer.EnsureRunningAsync(Console, ct));

    Target LocalAwsStop => _ => _
        .Description("Stops the local AWS that LocalAws started (its pid is in .nuke/temp/local-aws.pid)")
        .Executes(async ct => await LocalAwsServer.StopAsync(Console, ct));

    LocalAwsService LocalAwsServer => Cached(() => new LocalAwsService(RootDirectory, LocalAwsPort ?? ConfiguredLocalPort() ?? LocalAwsService.DefaultPort));

    private int? ConfiguredLocalPort()
    {
        if (!string.Equals(Env, "local", StringComparison.OrdinalIgnoreCase))
            return null;
        var endpoint = ProjectEnvironments.Select(p => p.EndpointUrl).FirstOrDefault(e => e is not null);
        return endpoint is not null && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.IsLoopback ? uri.Port : null;
    }
}
