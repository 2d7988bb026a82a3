namespace Liftoff.Configuration;

/// <summary>
/// What Compile and the project tests need of a project: the same in every environment, because one build
/// is promoted through all of them.
/// </summary>
public sealed record ProjectBuild(
    string Project,
    string ProjectDirectory,
    IReadOnlyList<FunctionBuild> Functions,
    FrontEnd? FrontEnd,
    IReadOnlyList<string> Templates);

/// <summary>One function's build: its source, how to build and test it, and where the staged tree goes (absolute paths).</summary>
public sealed record FunctionBuild(
    string Name,
    string Runtime,
    string Handler,
    FunctionBuilder Builder,
    string SourceDirectory,
    string StagingDirectory,
    string? Entry,
    string? BuildCommand,
    string TestCommand,
    string Architecture);
