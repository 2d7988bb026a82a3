using Liftoff.Building;
using Liftoff.Configuration;
using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Building;

/// <summary>The test classes that share one compile of the samples.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledSamplesCollection : ICollectionFixture<CompiledSamples>
{
    public const string Name = "compiled samples";
}

/// <summary>The three sample projects copied and compiled once (real npm, esbuild, node, python3).</summary>
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
