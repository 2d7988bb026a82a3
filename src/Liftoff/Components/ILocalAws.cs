using Liftoff.Aws;
using Liftoff.Engine;
using LocalAwsService = Liftoff.Aws.Local.LocalAws;

namespace Liftoff.Components;

/// <summary>
/// The local AWS for <c>--env local</c>: moto's server on the local environment's endpoint
/// (127.0.0.1:4566), started in the background when nothing answers there and left running for the next
/// commands. Every target that talks to AWS depends on <see cref="LocalAws"/>
/// (<c>.DependsOn&lt;ILocalAws&gt;(x =&gt; x.LocalAws)</c>); it does nothing unless --env is local.
/// <c>./build.sh LocalAwsStop</c> stops the server it started. Reads the local environment's endpointUrl.
/// </summary>
public interface ILocalAws : IHazEnvironment
{
    [Parameter("Port of the local AWS (default: the local environment's endpoint port, else 4566)")]
    int? LocalAwsPort => TryGetValue(() => LocalAwsPort);

    Target LocalAws => _ => _
        .Description("Starts the local AWS (moto) for --env local, or uses the one already answering")
        .OnlyWhenStatic(() => UsesLocalAws)
        .Executes(async ct => await LocalAwsServer.EnsureRunningAsync(Console, ct));

    Target LocalAwsStop => _ => _
        .Description("Stops the local AWS that LocalAws started (its pid is in .nuke/temp/local-aws.pid)")
        .Executes(async ct => await LocalAwsServer.StopAsync(Console, ct));

    LocalAwsService LocalAwsServer => Cached(() => new LocalAwsService(RootDirectory, LocalAwsPort ?? ConfiguredLocalPort() ?? LocalAwsService.DefaultPort));

    /// <summary>
    /// --env local: decided from the name alone, so the plan (and --plan) knows it before any configuration
    /// is read; where that environment's endpoint is comes from environments.yaml. Exactly that name, as every
    /// environment name is matched (IHazEnvironment refuses --env LOCAL before anything runs).
    /// </summary>
    bool UsesLocalAws => string.Equals(Env, LocalAwsService.EnvironmentName, StringComparison.Ordinal);

    private int? ConfiguredLocalPort()
    {
        if (!UsesLocalAws) return null;
        var endpoint = ProjectEnvironments.Select(p => p.EndpointUrl).FirstOrDefault(AwsConnection.IsLocalEndpoint);
        return endpoint is null ? null : new Uri(endpoint).Port;
    }
}
