namespace Liftoff.Configuration.Validation;

/// <summary>
/// A project's template, read once (it cannot differ per environment: the build comes from it), with the
/// functions and layers the template and project.yaml declare together, and their builds.
/// </summary>
internal sealed record ProjectTemplate(
    TemplateInfo Info,
    FunctionCatalog Catalog,
    IReadOnlyList<FunctionBuild> Functions,
    IReadOnlyList<LayerBuild> Layers);
