using CliWrap;
using CliWrap.Buffered;
using Spectre.Console;

namespace Liftoff.Testing;

/// <summary>Builds and tests the repository's own .NET solution with the dotnet CLI.</summary>
public sealed class DotNetSolution(string rootDirectory, IAnsiConsole console)
{
    private string SolutionPath => Path.Combine(rootDirectory, "Solution.sln");

    public bool Exists => File.Exists(SolutionPath);

    public async Task BuildAsync(CancellationToken cancellationToken)
    {
        var exitCode = await RunAsync(["build", SolutionPath, "-nologo", "-v", "q", "-clp:NoSummary;ErrorsOnly"], cancellationToken);
        if (exitCode != 0)
            throw new InvalidOperationException($"dotnet build Solution.sln failed (exit code {exitCode}); the compiler's errors are above.");
    }

    /// <summary>Runs every test project; a failing test is counted, not thrown, so the counts always come back.</summary>
    public async Task<TestCounts> TestAsync(CancellationToken cancellationToken)
    {
        var results = Path.Combine(rootDirectory, ".nuke", "temp", "test-results");
        if (Directory.Exists(results)) Directory.Delete(results, recursive: true);
        var exitCode = await RunAsync(
            ["test", SolutionPath, "--no-build", "-nologo", "--logger", "trx", "--logger", "console;verbosity=minimal", "--results-directory", results],
            cancellationToken);
        var files = Directory.Exists(results) ? Directory.GetFiles(results, "*.trx", SearchOption.AllDirectories) : [];
        if (files.Length == 0 && exitCode != 0)
            throw new InvalidOperationException($"dotnet test failed before running tests (exit code {exitCode}); its output is above.");
        return await TrxReader.ReadAsync(files, cancellationToken);
    }

    private async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await Cli.Wrap("dotnet")
            .WithArguments(arguments)
            .WithWorkingDirectory(rootDirectory)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => console.WriteLine(line)))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => console.WriteLine(line)))
            .ExecuteAsync(cancellationToken);
        return result.ExitCode;
    }
}
