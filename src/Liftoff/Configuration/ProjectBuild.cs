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
    IReadOnlyList<string> Templates)
{
    /// <summary>The template's layers with local content, packaged like functions.</summary>
    public IReadOnlyList<LayerBuild> Layers { get; init; } = [];
}

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
    string Architecture)
{
    /// <summary>The function's logical id in the template.</summary>
    public string LogicalId { get; init; } = "";

    /// <summary>Names of the project's layers the function uses: the handler check loads them as Lambda does (/opt).</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];
}

/// <summary>
/// A layer whose content is a local folder (SAM's ContentUri, a plain template's Content), zipped as it is,
/// as <c>aws cloudformation package</c> zips it: python/… and nodejs/node_modules/… inside land in /opt.
/// </summary>
public sealed record LayerBuild(string Name, string LogicalId, string SourceDirectory, string StagingDirectory);
