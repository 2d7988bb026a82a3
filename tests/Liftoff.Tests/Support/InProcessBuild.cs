using Liftoff.Engine;

namespace Liftoff.Tests.Support;

/// <summary>Runs a build in-process as ./build.sh would, in a repository root, and keeps what it printed.</summary>
internal static class InProcessBuild
{
    public static async Task<(int ExitCode, string Output)> RunAsync<TBuild>(string root, params string[] arguments)
        where TBuild : LiftoffBuild, new()
    {
        var output = new StringWriter();
        var invocation = new BuildInvocation(arguments, new Dictionary<string, string>(), output, false, root);
        var exitCode = await new TBuild().RunAsync(invocation, [], CancellationToken.None);
        return (exitCode, output.ToString());
    }

    /// <summary>As ./build.sh with stdout and stderr apart: with --json, stdout holds only what targets print for scripts.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunSplitAsync<TBuild>(string root, params string[] arguments)
        where TBuild : LiftoffBuild, new()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var invocation = new BuildInvocation(arguments, new Dictionary<string, string>(), output, false, root) { Error = error };
        var exitCode = await new TBuild().RunAsync(invocation, [], CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
