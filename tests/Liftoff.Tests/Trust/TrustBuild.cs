using Liftoff.Components;
using Liftoff.Engine;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Trust;

/// <summary>Liftoff's pipeline as build/Build.cs composes it, run in-process; a [Secret] parameter stands for a build's own.</summary>
internal sealed class TrustBuild : LiftoffBuild,
    ICompile, ITest, IPackage, IUpload, IDeploy, ISmokeTest, IInvalidateCdn, IRollback, ILocalAws, IHazAws, IReleases
{
    [Parameter("A build's own secret, e.g. a registry or API token"), Secret]
    public string? ReleaseToken { get; set; }

    /// <summary>Runs this pipeline as ./build.sh would, with its own environment and root.</summary>
    public static Task<BuildRun> RunAsync(string root, string commandLine, IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync<TrustBuild>(root, commandLine, environment);

    /// <summary>Runs a build in-process as ./build.sh would, with its own environment (PATH and HOME when none) and root.</summary>
    public static async Task<BuildRun> RunAsync<TBuild>(string root, string commandLine, IReadOnlyDictionary<string, string>? environment = null)
        where TBuild : LiftoffBuild, new()
    {
        var (exitCode, output) = await ComponentRun.RunAsync<TBuild>(root, commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            environment ?? BaseEnvironment());
        return new BuildRun(exitCode, output);
    }

    /// <summary>What tools need to start (PATH, HOME), and nothing else from the machine.</summary>
    public static Dictionary<string, string> BaseEnvironment(params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH")!,
            ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? Path.GetTempPath(),
        };
        foreach (var (name, value) in more) environment[name] = value;
        return environment;
    }
}

/// <summary>A run's exit code and everything it wrote.</summary>
internal sealed record BuildRun(int ExitCode, string Output)
{
    /// <summary>The output with the console's line wrapping undone, for finding a long message.</summary>
    public string Text => Output.ReplaceLineEndings("");

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
