namespace Liftoff.Building;

/// <summary>A function's deployable tree, ready for packaging.</summary>
public sealed record StagedFunction(string Project, string Function, string StagingDirectory, int FileCount, TimeSpan Duration);

/// <summary>Builds one function of a project into its staging folder.</summary>
public interface IFunctionBuilder
{
    Task<StagedFunction> BuildAsync(string project, Configuration.FunctionBuild function, CancellationToken cancellationToken);
}
