using CliWrap;
using CliWrap.Buffered;
using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Ci;

/// <summary>A real git repository in a temporary folder, with a history a test writes step by step.</summary>
internal sealed class ScriptedGit(TempRepository repository)
{
    public string Root => repository.Root;

    public static async Task<ScriptedGit> InitAsync(TempRepository repository)
    {
        var git = new ScriptedGit(repository);
        await git.RunAsync("init", "-q", "-b", "main");
        return git;
    }

    /// <summary>Stages everything and commits; returns the new commit.</summary>
    public async Task<string> CommitAsync(string message)
    {
        await RunAsync("add", "-A");
        await RunAsync("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "--no-gpg-sign", "-m", message);
        return (await RunAsync("rev-parse", "HEAD")).Trim();
    }

    public async Task<string> RunAsync(params string[] arguments)
    {
        var result = await Cli.Wrap("git").WithArguments(arguments).WithWorkingDirectory(Root)
            .WithEnvironmentVariables(e => e.Set("GIT_CONFIG_NOSYSTEM", "1").Set("HOME", Root))
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        if (result.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {result.StandardError}");
        return result.StandardOutput;
    }
}
