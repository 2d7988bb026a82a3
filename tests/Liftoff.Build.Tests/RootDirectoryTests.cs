using CliWrap;
using CliWrap.Buffered;

namespace Liftoff.Build.Tests;

/// <summary>The repository a build acts on is the one its build assembly belongs to, wherever it is started from.</summary>
public sealed class RootDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _elsewhere = Directory.CreateTempSubdirectory("liftoff-elsewhere-");

    public void Dispose() => _elsewhere.Delete(recursive: true);

    [Fact]
    public async Task Started_from_another_folder_the_build_acts_on_its_own_repository()
    {
        // `cd .. && liftoff/build.sh Compile` once acted on the folder it was started from, found no projects and exited 0.
        // Here the build sees its repository's projects: an unknown one is refused by name (and nothing is built).
        var result = await Cli.Wrap("dotnet")
            .WithArguments([Path.Combine(AppContext.BaseDirectory, "Liftoff.Build.dll"), "Compile", "--project", "no-such-project"])
            .WithWorkingDirectory(_elsewhere.FullName)
            .WithEnvironmentVariables(e => e.Set("CI", "true"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--project expects one of", result.StandardError);
        Assert.Contains("people-cards", result.StandardError);
        Assert.Empty(_elsewhere.EnumerateFileSystemInfos());
    }
}
