using Liftoff.Building;
using Liftoff.Configuration;
using Liftoff.Packaging;
using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Packaging;

/// <summary>
/// A function whose source is the project folder itself (source: .), as `sam init` lays projects out:
/// the zip holds the code, not project.yaml, the template, the README, tests or sample events (issue 12, finding 9).
/// </summary>
public sealed class ProjectFolderSourceTests
{
    [Fact]
    public async Task Source_dot_leaves_the_projects_own_files_out_of_the_zip()
    {
        using var repository = ValidRepository.Create()
            .Write("projects/shop/project.yaml", """
                template: infra/template.yaml
                functions:
                  api:
                    runtime: python3.12
                    handler: app.handler
                    source: .
                """)
            .Write("projects/shop/infra/template.yaml", ValidRepository.Template.Replace("nodejs22.x", "python3.12").Replace("index.handler", "app.handler"))
            .Write("projects/shop/template.yaml", "# an old copy lying around\n")
            .Write("projects/shop/README.md", "# shop\n")
            .Write("projects/shop/samconfig.toml", "version = 0.1\n")
            .Write("projects/shop/events/event.json", "{}\n")
            .Write("projects/shop/tests/test_app.py", "import app\n")
            .Write("projects/shop/app.py", "from shop_lib import greet\n\ndef handler(event, context):\n    return greet()\n")
            .Write("projects/shop/shop_lib/__init__.py", "def greet():\n    return 'hi'\n")
            .Write("projects/shop/requirements.txt", "\n");
        File.Delete(Path.Combine(repository.Root, "projects", "shop", "api", "index.js"));
        var configuration = await ConfigurationLoader.LoadAsync(repository.Root, CancellationToken.None);
        await new ProjectCompiler(repository.Root, TextWriter.Null).CompileAsync(configuration.Builds(null), CancellationToken.None);

        await new ArtifactPackager(repository.Root, new PackagingSettings()) { Verifier = new HandlerVerifier() }
            .PackageAsync(PackageInputs.From(configuration, null).Artifacts, force: false, CancellationToken.None);

        var listing = await Tool.OkAsync("zipinfo", "-1", Path.Combine(repository.Root, "artifacts", "shop", "api.zip"));
        Assert.Equal(["app.py", "requirements.txt", "shop_lib/__init__.py"], listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }
}
