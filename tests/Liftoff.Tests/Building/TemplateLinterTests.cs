using Liftoff.Building;
using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Building;

/// <summary>Real cfn-lint over the sample templates and a broken one.</summary>
public sealed class TemplateLinterTests
{
    [Fact]
    public async Task The_sample_templates_have_no_errors()
    {
        var templates = Directory.GetFiles(Path.Combine(RepositoryFolders.Root, "projects"), "template.yaml", SearchOption.AllDirectories);
        var output = new CapturedOutput();

        var findings = await new TemplateLinter(output, RepositoryFolders.Root).LintAsync(templates, CancellationToken.None);

        Assert.DoesNotContain(findings, f => f.IsError);
        Assert.Contains("[cfn-lint] 3 template(s): no errors", output.Text);
    }

    [Fact]
    public async Task Errors_fail_with_file_line_and_rule_and_warnings_are_shown()
    {
        using var repository = new TempRepository().Write("projects/shop/template.yaml", """
            Parameters:
              Unused: {Type: String}
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
            """);
        var output = new CapturedOutput();

        var failure = await Assert.ThrowsAsync<BuildStepException>(() => new TemplateLinter(output, repository.Root)
            .LintAsync([Path.Combine(repository.Root, "projects", "shop", "template.yaml")], CancellationToken.None));

        Assert.StartsWith("cfn-lint found 1 error(s) in the templates", failure.Message);
        Assert.Contains("projects/shop/template.yaml:6:5: E3003 'KeySchema' is a required property", failure.Message);
        Assert.Contains("[cfn-lint] projects/shop/template.yaml:2:3: W2001 Parameter Unused not used.", output.Text);
    }

    [Fact]
    public async Task An_unchanged_clean_template_is_not_linted_again_but_a_changed_one_is()
    {
        const string clean = """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            """;
        using var repository = new TempRepository().Write("projects/shop/template.yaml", clean);
        var template = Path.Combine(repository.Root, "projects", "shop", "template.yaml");
        var cache = new LintCache(repository.Root);
        await new TemplateLinter(new CapturedOutput(), repository.Root, cache).LintAsync([template], CancellationToken.None);

        var second = new CapturedOutput();
        await new TemplateLinter(second, repository.Root, cache).LintAsync([template], CancellationToken.None);
        Assert.Contains("1 template(s) unchanged since cfn-lint found them clean", second.Text);
        Assert.DoesNotContain("no errors", second.Text);

        await File.WriteAllTextAsync(template, clean.Replace("KeySchema: [{AttributeName: id, KeyType: HASH}]", ""));
        await Assert.ThrowsAsync<BuildStepException>(() =>
            new TemplateLinter(new CapturedOutput(), repository.Root, cache).LintAsync([template], CancellationToken.None));
    }
}
