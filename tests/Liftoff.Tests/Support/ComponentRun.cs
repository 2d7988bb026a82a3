using Liftoff.Engine;

namespace Liftoff.Tests.Support;

/// <summary>A build made of components, run in-process as ./build.sh runs it: in a scratch root, with only the environment given.</summary>
internal static class ComponentRun
{
    public static Task<(int ExitCode, string Output)> RunAsync<TBuild>(
        string root, string commandLine, IReadOnlyDictionary<string, string>? environment = null)
        where TBuild : LiftoffBuild, new() =>
        RunAsync<TBuild>(root, commandLine.Split(' '), environment);

    /// <summary>With the arguments as given, for values that hold spaces (an event's JSON).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync<TBuild>(
        string root, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
        where TBuild : LiftoffBuild, new()
    {
        var output = new StringWriter();
        var invocation = new BuildInvocation(arguments, environment ?? new Dictionary<string, string>(), output, false, root);
        var exitCode = await new TBuild().RunAsync(invocation, [], CancellationToken.None);
        return (exitCode, output.ToString());
    }

    /// <summary>With stdout and stderr apart: with --json, stdout holds only what targets print for scripts.</summary>
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
