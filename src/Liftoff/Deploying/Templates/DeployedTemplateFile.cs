namespace Liftoff.Deploying.Templates;

/// <summary>
/// The last template a project's stack was deployed with in an environment, as CloudFormation got it:
/// .nuke/temp/deployed/{project}/{env}/template (YAML or JSON). On the local AWS a SAM template is there
/// expanded (an Api event as an AWS::ApiGateway::RestApi with its routes in an inline OpenAPI Body); on AWS it is
/// the template as written, and CloudFormation's GetTemplate with TemplateStage Processed returns the expansion.
/// </summary>
public static class DeployedTemplateFile
{
    public static string PathFor(string rootDirectory, string project, string environment) =>
        Path.Combine(rootDirectory, ".nuke", "temp", "deployed", project, environment, "template");

    public static async Task WriteAsync(string rootDirectory, string project, string environment, string body, CancellationToken cancellationToken)
    {
        var path = PathFor(rootDirectory, project, environment);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temporary, body, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The template, or null when this machine has not deployed the project to the environment.</summary>
    public static async Task<string?> ReadAsync(string rootDirectory, string project, string environment, CancellationToken cancellationToken)
    {
        var path = PathFor(rootDirectory, project, environment);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
    }
}
