using Liftoff.Engine.IO;
using Liftoff.Engine.Tooling;
using Liftoff.Engine.Tools.DotNet;
using static Liftoff.Engine.Tools.DotNet.DotNetTasks;

namespace Liftoff.Testing;

/// <summary>
/// Builds and tests the repository's own .NET solution with the engine's DotNetTasks, the same tasks a build author
/// calls, so they are tested by use: output relayed through the masked console, a failed build failing with the
/// command line and its last lines.
/// </summary>
public sealed class DotNetSolution(string rootDirectory)
{
    private AbsolutePath SolutionPath => AbsolutePath.Create(rootDirectory) / "Solution.sln";

    public bool Exists => SolutionPath.FileExists();

    public Task BuildAsync(CancellationToken cancellationToken) => Task.Run(() =>
        DotNetBuild(_ => _.SetProjectFile(SolutionPath).SetVerbosity(DotNetVerbosity.Quiet)), cancellationToken);

    /// <summary>Runs every test project; a failing test is counted, not thrown, so the counts always come back.</summary>
    public async Task<TestCounts> TestAsync(CancellationToken cancellationToken)
    {
        var results = AbsolutePath.Create(rootDirectory) / ".nuke" / "temp" / "test-results";
        results.DeleteDirectory();
        ProcessException? failure = null;
        await Task.Run(() =>
        {
            try
            {
                DotNetTest(_ => _
                    .SetProjectFile(SolutionPath)
                    .EnableNoBuild()
                    .SetLoggers("trx", "console;verbosity=minimal")
                    .SetResultsDirectory(results));
            }
            catch (ProcessException e)
            {
                failure = e; // failing tests exit non-zero; their results are still counted below
            }
        }, cancellationToken);
        var files = results.GlobFiles("**/*.trx").Select(f => f.Value).ToArray();
        if (files.Length == 0 && failure is not null)
            throw new InvalidOperationException($"dotnet test failed before running tests: {failure.Message}");
        return await TrxReader.ReadAsync(files, cancellationToken);
    }
}
