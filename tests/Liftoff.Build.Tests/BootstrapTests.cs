using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace Liftoff.Build.Tests;

/// <summary>
/// build.sh's own logic, run by bash in a scratch copy of the repository's bootstrap files. A stand-in `dotnet`
/// first on PATH records each call, so these checks take milliseconds instead of real builds.
/// </summary>
public sealed class BootstrapTests : IDisposable
{
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddHours(-2);

    private readonly string _repo = Path.Combine(Path.GetTempPath(), "liftoff-bootstrap-tests", Guid.NewGuid().ToString("N"));
    private string FakeBin => Path.Combine(_repo, "fake-bin");
    private string Stamp => Path.Combine(_repo, ".nuke", "temp", "build.stamp");

    public BootstrapTests()
    {
        Directory.CreateDirectory(_repo);
        foreach (var file in new[] { "build.sh", "global.json", "Directory.Build.props", "Directory.Packages.props" })
            Copy(file);
        Write("build/Liftoff.Build.csproj", "<Project />");
        Write("build/Build.cs", "class Build {}");
        Write("src/Lib/Code.cs", "class Code {}");
        Write("src/Lib/Old.cs", "class Old {}");

        var sdk = Regex.Match(File.ReadAllText(Path.Combine(Repository.Root, "global.json")), "\"version\"\\s*:\\s*\"([^\"]+)\"").Groups[1].Value;
        Write("fake-bin/dotnet", $$"""
            #!/usr/bin/env bash
            here="$(dirname "$0")"
            case "$1" in
              --list-sdks) echo "{{sdk}} [/fake/sdk]" ;;
              publish)
                echo build >> "$here/calls"
                [[ -f "$here/fail-build" ]] && { echo "Build.cs(1,1): error CS1002: ; expected"; exit 1; }
                while [[ $# -gt 0 && "$1" != -o ]]; do shift; done
                mkdir -p "$2" && touch "$2/Liftoff.Build.dll" ;;
              *)
                echo run >> "$here/calls"
                shift; printf '[%s]' "$@"; echo
                exit "$(cat "$here/exit-code" 2>/dev/null || echo 0)" ;;
            esac
            """);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path.Combine(FakeBin, "dotnet"), (UnixFileMode)0b111_101_101);

        // Inputs written long ago, so that only what a test changes afterwards is newer than the last build.
        foreach (var entry in Directory.EnumerateFileSystemEntries(_repo, "*", SearchOption.AllDirectories).Append(_repo))
            Directory.SetLastWriteTimeUtc(entry, LongAgo);
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private void Copy(string file) => File.Copy(Path.Combine(Repository.Root, file), Path.Combine(_repo, file));

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_repo, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
    }

    private string[] Calls => File.Exists(Path.Combine(FakeBin, "calls")) ? File.ReadAllLines(Path.Combine(FakeBin, "calls")) : [];

    /// <summary>Runs build.sh and returns its result and the dotnet calls it made.</summary>
    private async Task<(BufferedCommandResult Result, string[] Calls)> RunAsync(params string[] arguments)
    {
        File.Delete(Path.Combine(FakeBin, "calls"));
        var result = await Cli.Wrap("bash")
            .WithArguments(new[] { Path.Combine(_repo, "build.sh") }.Concat(arguments))
            .WithWorkingDirectory(_repo)
            .WithEnvironmentVariables(e => e.Set("PATH", $"{FakeBin}:/usr/local/bin:/usr/bin:/bin"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        // The last build is made to look a minute old, so a change made right after it is newer on any file system clock.
        if (File.Exists(Stamp)) File.SetLastWriteTimeUtc(Stamp, DateTime.UtcNow.AddMinutes(-1));
        return (result, Calls);
    }

    [Fact]
    public async Task The_first_run_builds_the_build_project_then_runs_it_with_the_arguments()
    {
        var (result, calls) = await RunAsync("Deploy", "--env", "my env");

        Assert.Equal(["build", "run"], calls);
        Assert.Contains("[Deploy][--env][my env]", result.StandardOutput);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task A_warm_run_does_not_rebuild()
    {
        await RunAsync("--help");

        var (_, calls) = await RunAsync("--help");

        Assert.Equal(["run"], calls);
    }

    [Theory]
    [InlineData("src/Lib/Code.cs")]
    [InlineData("build/Build.cs")]
    [InlineData("Directory.Packages.props")]
    [InlineData("global.json")]
    public async Task Changing_a_build_input_rebuilds(string input)
    {
        await RunAsync("--help");

        File.AppendAllText(Path.Combine(_repo, input), " ");
        var (_, calls) = await RunAsync("--help");

        Assert.Equal(["build", "run"], calls);
    }

    [Fact]
    public async Task Deleting_a_source_file_rebuilds()
    {
        await RunAsync("--help");

        File.Delete(Path.Combine(_repo, "src/Lib/Old.cs"));
        var (_, calls) = await RunAsync("--help");

        Assert.Equal(["build", "run"], calls);
    }

    [Fact]
    public async Task Output_under_bin_and_obj_does_not_rebuild()
    {
        await RunAsync("--help");

        Write("src/Lib/obj/project.assets.json", "{}");
        Write("build/bin/Debug/extra.txt", "");
        var (_, calls) = await RunAsync("--help");

        Assert.Equal(["run"], calls);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(130)]
    public async Task The_build_exit_code_passes_through(int exitCode)
    {
        Write("fake-bin/exit-code", exitCode.ToString());

        var (result, _) = await RunAsync("Deplyo");

        Assert.Equal(exitCode, result.ExitCode);
    }

    [Fact]
    public async Task A_build_project_that_does_not_compile_exits_1_runs_nothing_and_is_rebuilt_next_time()
    {
        Write("fake-bin/fail-build", "");

        var (result, calls) = await RunAsync("--help");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["build"], calls);
        Assert.Contains("error CS1002", result.StandardError);
        Assert.Contains("The build project failed to compile", result.StandardError);

        File.Delete(Path.Combine(FakeBin, "fail-build"));
        var (again, retried) = await RunAsync("--help");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(["build", "run"], retried);
    }
}
