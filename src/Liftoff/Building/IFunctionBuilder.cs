using Liftoff.Configuration;

namespace Liftoff.Building;

/// <summary>
/// Builds one function of a project into its staging folder: the place a new runtime plugs in. A builder
/// gets the function's build as configured (runtime, source folder, entry, build command) and leaves in
/// <see cref="FunctionBuild.StagingDirectory"/> exactly the tree Package zips. To add one: a value of
/// <see cref="FunctionBuilder"/> (chosen from the runtime in Configuration/Validation/FunctionBuilds.cs) and its
/// builder in <see cref="ProjectCompiler"/>'s table, next to <see cref="NodeFunctionBuilder"/>,
/// <see cref="TypeScriptFunctionBuilder"/> and <see cref="PythonFunctionBuilder"/>.
/// </summary>
public interface IFunctionBuilder
{
    Task<StagedFunction> BuildAsync(string project, FunctionBuild function, CancellationToken cancellationToken);
}
