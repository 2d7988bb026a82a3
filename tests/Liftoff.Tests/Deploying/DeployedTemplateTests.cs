using Liftoff.Configuration;
using Liftoff.Deploying.Stacks;
using Liftoff.Deploying.Templates;
using Liftoff.Tests.Configuration;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Tests.Deploying;

/// <summary>The template as Deploy sends it: code locations rewritten to the artifacts, project.yaml's settings written in.</summary>
public sealed class DeployedTemplateTests : IDisposable
{
    private const string Sam = """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Stage: {Type: String, Default: dev}
        Globals:
          Function:
            Runtime: python3.12
            Timeout: 3
            Environment:
              Variables:
                SHARED: "yes"
        Resources:
          SharedLayer:
            Type: AWS::Serverless::LayerVersion
            Properties:
              ContentUri: layer/
          HelloWorldFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: hello/
              Handler: app.handler
              AutoPublishAlias: live
              Layers: [!Ref SharedLayer]
              Environment:
                Variables:
                  TABLE: !Ref Stage
        """;

    private readonly TempRepository _repository = new TempRepository()
        .Write("environments.yaml", ValidRepository.Environments)
        .Write("projects/hello/template.yaml", Sam)
        .Write("projects/hello/hello/app.py", "def handler(event, context):\n    return 1\n")
        .Write("projects/hello/layer/python/shared.py", "X = 1\n");

    private readonly Dictionary<string, string> _keys = new()
    {
        ["hello-world"] = "hello/hello-world/abc.zip",
        ["shared-layer"] = "hello/shared-layer/def.zip",
    };

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task A_template_that_needs_nothing_rewritten_is_deployed_byte_for_byte()
    {
        var configuration = await ConfigurationLoader.LoadAsync(RepositoryFolders.Root, default);
        foreach (var environment in configuration.Resolve("prod", null))
        {
            var source = await StackTemplate.LoadAsync(environment.TemplatePath, default);
            var keys = environment.Functions.ToDictionary(f => f.Name, f => "unused.zip");

            Assert.Same(source, DeployedTemplate.Render(source, environment, keys));
        }
    }

    [Fact]
    public async Task Local_code_becomes_the_artifacts_S3_location_and_the_alias_follows_every_change()
    {
        var (environment, source) = await LoadAsync(null);

        var deployed = Resources(DeployedTemplate.Render(source, environment, _keys));

        var function = Properties(deployed, "HelloWorldFunction");
        Assert.Equal("artifacts-dev", Text(function, "CodeUri", "Bucket"));
        Assert.Equal("hello/hello-world/abc.zip", Text(function, "CodeUri", "Key"));
        Assert.Equal("true", Text(function, "AutoPublishAliasAllProperties"));
        Assert.Equal("hello/shared-layer/def.zip", Text(Properties(deployed, "SharedLayer"), "ContentUri", "Key"));
        Assert.Null(Node(function, "MemorySize")); // nothing set in project.yaml: the template's (Lambda's) value stays
    }

    [Fact]
    public async Task Settings_are_written_into_the_function_next_to_the_templates_own()
    {
        var (environment, source) = await LoadAsync("""
            functions:
              hello-world:
                memorySize: 512
                timeout: 20
                architecture: arm64
                environment: { LEVEL: debug, TABLE: "orders-{env}" }
            """);

        var function = Properties(Resources(DeployedTemplate.Render(source, environment, _keys)), "HelloWorldFunction");

        Assert.Equal("512", Text(function, "MemorySize"));
        Assert.Equal("20", Text(function, "Timeout"));
        Assert.Equal("arm64", ((YamlScalarNode)((YamlSequenceNode)Node(function, "Architectures")!).Children.Single()).Value);
        Assert.Equal("debug", Text(function, "Environment", "Variables", "LEVEL"));
        Assert.Equal("orders-dev", Text(function, "Environment", "Variables", "TABLE")); // project.yaml's value wins
    }

    [Fact]
    public async Task A_setting_the_template_takes_from_a_parameter_travels_as_that_parameter()
    {
        using var repository = ValidRepository.Create();
        repository.Write("projects/shop/template.yaml", ValidRepository.Template
            .Replace("ApiCodeKey: {Type: String}", "ApiCodeKey: {Type: String}\n  Memory: {Type: Number, Default: 128}")
            .Replace("      Handler: index.handler\n", "      Handler: index.handler\n      MemorySize: !Ref Memory\n"));
        repository.Write("projects/shop/project.yaml", ValidRepository.Project + "\n    memorySize: 768\n");
        var environment = (await ConfigurationLoader.LoadAsync(repository.Root, default)).Resolve("dev", ["shop"]).Single();
        var source = await StackTemplate.LoadAsync(environment.TemplatePath, default);

        var deployed = DeployedTemplate.Render(source, environment, new Dictionary<string, string> { ["api"] = "shop/api/abc.zip" });

        Assert.Equal("768", environment.StackParameters["Memory"]);
        Assert.Same(source, deployed);
    }

    private async Task<(ProjectEnvironment, StackTemplate)> LoadAsync(string? projectYaml)
    {
        if (projectYaml is not null) _repository.Write("projects/hello/project.yaml", projectYaml);
        var environment = (await ConfigurationLoader.LoadAsync(_repository.Root, default)).Resolve("dev", ["hello"]).Single();
        return (environment, await StackTemplate.LoadAsync(environment.TemplatePath, default));
    }

    private static YamlMappingNode Resources(StackTemplate template)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(template.Body));
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["Resources"];
    }

    private static YamlMappingNode Properties(YamlMappingNode resources, string logicalId) =>
        (YamlMappingNode)((YamlMappingNode)resources[logicalId])["Properties"];

    private static YamlNode? Node(YamlMappingNode mapping, params string[] path)
    {
        YamlNode? node = mapping;
        foreach (var key in path)
            node = node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var next) ? next : null;
        return node;
    }

    private static string? Text(YamlMappingNode mapping, params string[] path) => (Node(mapping, path) as YamlScalarNode)?.Value;
}
