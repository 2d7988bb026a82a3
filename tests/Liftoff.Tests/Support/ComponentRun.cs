using Liftoff.Engine;

namespace Liftoff.Tests.Support;

/// <summary>A build made of components, run in-process as ./build.sh runs it: in a scratch root, with only the environment given.</summary>
internal static class ComponentRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync<TBuild>(
        string root, string commandLine, IReadOnlyDictionary<string, string>? environment = null)
        where TBuild : LiftoffBuild, new()
    {
        var output = new StringWriter();
        var invocation = new BuildInvocation(commandLine.Split(' '), environment ?? new Dictionary<string, string>(), output, false, root);
        var exitCode = await new TBuild().RunAsync(invocation, [], CancellationToken.None);
        return (exitCode, output.ToString());
    }
}
