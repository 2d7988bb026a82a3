namespace Liftoff.Packaging;

/// <summary>
/// One function to package: where its builder staged the deployable tree and how to load its handler.
/// </summary>
/// <param name="Runtime">Lambda runtime id, e.g. <c>nodejs20.x</c> or <c>python3.12</c>; picks the verifier.</param>
/// <param name="Handler">Lambda handler, e.g. <c>index.handler</c> or <c>app.lambda_handler</c>.</param>
/// <param name="StagingDirectory">Absolute path of the builder's output for this function.</param>
/// <param name="Include">Globs, relative to the staging folder, of the files to package (empty: all). An include
/// narrower than "**/*" also brings back files the <see cref="FileSelection.DefaultExclusions"/> leave out.</param>
/// <param name="Exclude">Globs of files left out, whatever the includes say.</param>
public sealed record ArtifactRequest(
    string Project,
    string Function,
    string Runtime,
    string Handler,
    string StagingDirectory,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude)
{
    /// <summary>
    /// The project's folder. Symlinks in the staging folder may point into it or into the staging folder
    /// itself (both are followed); anything else is an error. Null allows the staging folder only.
    /// </summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>
    /// The function's source folder, where Compile links node_modules' packages from; symlinks may point
    /// into it too. Null: only the staging and project folders.
    /// </summary>
    public string? SourceDirectory { get; init; }

    /// <summary>
    /// What the handler check runs under (the function's name, region, memory and environment, as the first
    /// environment resolves them); part of the inputs hash. Null: a plain one named {project}-{function}.
    /// </summary>
    public LambdaEnvironment? Environment { get; init; }

    /// <summary>
    /// The repository. Where given, a symlink may lead anywhere inside it (a package manager's links in node_modules
    /// included), and nowhere else: every file in an artifact resolves, by real path, inside the repository.
    /// </summary>
    public string? RepositoryDirectory { get; init; }

    public string Name => $"{Project}/{Function}";

    /// <summary>The runtime recorded for a layer: nothing to load, so the handler check passes it.</summary>
    public const string LayerRuntime = "layer";

    /// <summary>
    /// The staged layers the function uses, in order: the handler check puts them where Lambda extracts layers
    /// (/opt: python/ on sys.path, nodejs/node_modules on NODE_PATH), so imports from a layer resolve.
    /// </summary>
    public IReadOnlyList<string> LayerDirectories { get; init; } = [];
}
