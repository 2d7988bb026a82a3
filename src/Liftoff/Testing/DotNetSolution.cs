using Liftoff.Building;

namespace Liftoff.Testing;

/// <summary>Builds and tests the repository's own .NET solution with the dotnet CLI, through the builders' ToolRunner.</summary>
public sealed class DotNetSolution(string rootDirectory, TextWriter output)
{
    private readonly ToolRunner _tools = new(output);

    private string SolutionPath => Path.Combine(rootDirectory, "Solution.sln");

    public bool Exists => File.Exists(SolutionPath);

    public async Task BuildAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(["build", SolutionPath, "-nologo", "-v", "q", "-clp:NoSummary;ErrorsOnly"], cancellationToken);
        if (!result.Succeeded)
            throw new InvalidOperationException($"dotnet build Solution.sln failed (exit code {result.ExitCode}); the compiler's errors are above.");
    }

    /// <summary>Runs every test project; a failing test is counted, not thrown, so the counts always come back.</summary>
    public async Task<TestCounts> TestAsync(CancellationToken cancellationToken)
    {
        var results = Path.Combine(rootDirectory, ".nuke", "temp", "test-results");
        if (Directory.Exists(results)) Directory.Delete(results, recursive: true);
        var result = await RunAsync(
            ["test", SolutionPath, "--no-build", "-nologo", "--logger", "trx", "--logger", "console;verbosity=minimal", "--results-directory", results],
            cancellationToken);
        var files = Directory.Exists(results) ? Directory.GetFiles(results, "*.trx", SearchOption.AllDirectories) : [];
        if (files.Length == 0 && !result.Succeeded)
            throw new InvalidOperationException($"dotnet test failed before running tests (exit code {result.ExitCode}); its output is above.");
        return await TrxReader.ReadAsync(files, cancellationToken);
    }

    private Task<ToolResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        _tools.RunAsync("dotnet", rootDirectory, "dotnet", arguments, cancellationToken, throwOnFailure: false);
}
