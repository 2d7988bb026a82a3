using Liftoff.Building;
using Liftoff.Configuration;
using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Building;

/// <summary>The three sample projects copied and compiled once for a test class (real npm, esbuild, node).</summary>
public sealed class CompiledSamples : IAsyncLifetime
{
    private TempRepository? _repository;

    public string Root => _repository!.Root;
    public IReadOnlyList<ProjectBuild> Builds { get; private set; } = [];
    public CompileReport Report { get; private set; } = null!;
    public string Output { get; private set; } = "";

    public FunctionBuild Function(string project) => Builds.Single(b => b.Project == project).Functions.Single();

    public async Task InitializeAsync()
    {
        _repository = SampleRepository.Copy();
        Builds = await SampleRepository.BuildsAsync(_repository);
        var output = new CapturedOutput();
        Report = await new ProjectCompiler(Root, output).CompileAsync(Builds, CancellationToken.None);
        Output = output.Text;
    }

    public Task DisposeAsync()
    {
        _repository?.Dispose();
        return Task.CompletedTask;
    }
}
