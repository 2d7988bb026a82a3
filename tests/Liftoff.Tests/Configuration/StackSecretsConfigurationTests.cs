using Liftoff.Configuration;

namespace Liftoff.Tests.Configuration;

/// <summary>
/// NoEcho stack parameters come from an environment variable or a dynamic reference, never from plain text in
/// project.yaml (it is committed); the variable is read only when a deploy needs it.
/// </summary>
public sealed class StackSecretsConfigurationTests
{
    private const string ProjectFile = "projects/shop/project.yaml";
    private const string Password = "correct-horse-battery-staple";

    private static readonly string Template = ValidRepository.Template.Replace(
        "  ApiCodeKey: {Type: String}\n",
        "  ApiCodeKey: {Type: String}\n  DbPassword: {Type: String, NoEcho: true}\n  LogLevel: {Type: String, Default: info}\n");

    private static async Task<LiftoffConfiguration> LoadAsync(string stackParameters, string environments = "")
    {
        using var repository = ValidRepository.Create()
            .Write("projects/shop/template.yaml", Template)
            .Write(ProjectFile, ValidRepository.Project + "\n" + stackParameters + environments);
        return await ConfigurationLoader.LoadAsync(repository.Root, CancellationToken.None);
    }

    private static async Task<string[]> ErrorsAsync(string stackParameters)
    {
        var failure = await Assert.ThrowsAsync<ConfigurationException>(() => LoadAsync(stackParameters));
        return failure.Errors.Select(e => e.ToString()).ToArray();
    }

    [Fact]
    public async Task A_NoEcho_parameter_in_plain_text_is_refused_at_its_line_with_the_fix_and_without_its_value()
    {
        var errors = await ErrorsAsync($"stackParameters:\n  DbPassword: {Password}\n");

        var error = Assert.Single(errors);
        Assert.StartsWith($"{ProjectFile}:8:15: 'stackParameters.DbPassword' is written in plain text, but 'DbPassword' is NoEcho in projects/shop/template.yaml", error);
        Assert.Contains("DbPassword: { fromEnv: DB_PASSWORD }", error);
        Assert.Contains("{{resolve:ssm-secure:", error);
        Assert.DoesNotContain(Password, error);
    }

    [Fact]
    public async Task A_NoEcho_parameter_from_the_environment_is_left_for_the_deploy_to_read()
    {
        var configuration = await LoadAsync("stackParameters:\n  DbPassword: { fromEnv: SHOP_DB_PASSWORD }\n  LogLevel: debug\n");

        var dev = configuration.Resolve("dev", null).Single();
        Assert.False(dev.StackParameters.ContainsKey("DbPassword"));
        Assert.Equal("debug", dev.StackParameters["LogLevel"]);
        var secret = Assert.Single(dev.StackParametersFromEnvironment);
        Assert.Equal(("DbPassword", "SHOP_DB_PASSWORD", ProjectFile, 8), (secret.Parameter, secret.Variable, secret.File, secret.Line));
        Assert.Equal(["SHOP_DB_PASSWORD"], configuration.StackSecretVariables);
    }

    [Fact]
    public async Task An_environment_may_read_its_own_variable()
    {
        var configuration = await LoadAsync("stackParameters:\n  DbPassword: { fromEnv: DB_PASSWORD }\n",
            "environments:\n  prod:\n    stackParameters:\n      DbPassword: { fromEnv: PROD_DB_PASSWORD }\n");

        Assert.Equal("DB_PASSWORD", configuration.Resolve("dev", null).Single().StackParametersFromEnvironment.Single().Variable);
        Assert.Equal("PROD_DB_PASSWORD", configuration.Resolve("prod", null).Single().StackParametersFromEnvironment.Single().Variable);
    }

    [Fact]
    public async Task A_dynamic_reference_is_passed_through_with_its_placeholders_replaced()
    {
        var configuration = await LoadAsync("stackParameters:\n  DbPassword: '{{resolve:ssm-secure:/{project}/{env}/db-password}}'\n",
            "environments:\n  prod:\n    stackParameters:\n      DbPassword: '{{resolve:secretsmanager:shop/prod/db:SecretString:password}}'\n");

        Assert.Equal("{{resolve:ssm-secure:/shop/dev/db-password}}", configuration.Resolve("dev", null).Single().StackParameters["DbPassword"]);
        Assert.Equal("{{resolve:secretsmanager:shop/prod/db:SecretString:password}}", configuration.Resolve("prod", null).Single().StackParameters["DbPassword"]);
    }

    [Theory]
    [InlineData("  DbPassword: '{{resolve:secretmanager:shop/db}}'\n",
        ":8:15: 'stackParameters.DbPassword' is '{{resolve:secretmanager:shop/db}}', which is not a dynamic reference CloudFormation resolves")]
    [InlineData("  LogLevel: { fromEnv: LOG_LEVEL }\n",
        ":8:24: 'stackParameters.LogLevel' reads LOG_LEVEL from the environment, but 'LogLevel' in projects/shop/template.yaml is not NoEcho")]
    [InlineData("  DbPassword: { fromEnv: DB_PASSWORD, value: x }\n",
        ":8:15: 'stackParameters.DbPassword' needs either a value or fromEnv (e.g. DbPassword: { fromEnv: DB_PASSWORD }), not both")]
    [InlineData("  DbPassword: { fromEnv: 'db-password' }\n",
        ":8:26: 'stackParameters.DbPassword.fromEnv' is 'db-password'; expected an environment variable name")]
    public async Task A_stack_parameter_written_wrong_is_refused_at_its_line(string stackParameters, string expected)
    {
        var errors = await ErrorsAsync("stackParameters:\n" + stackParameters);

        Assert.Contains(errors, e => e.Contains(ProjectFile + expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_NoEcho_parameter_given_no_value_is_pointed_at_fromEnv()
    {
        var errors = await ErrorsAsync("");

        Assert.Contains(errors, e => e.Contains("parameter 'DbPassword' is NoEcho, has no Default and Liftoff passes no value for it; set stackParameters.DbPassword: { fromEnv: VARIABLE }"));
    }

    [Fact]
    public async Task The_deploy_reads_the_variable_and_reports_its_value_as_a_secret()
    {
        var configuration = await LoadAsync("stackParameters:\n  DbPassword: { fromEnv: SHOP_DB_PASSWORD }\n");
        var reported = new List<string>();

        var resolved = StackSecrets.Apply(configuration.Resolve("dev", null), new Dictionary<string, string> { ["SHOP_DB_PASSWORD"] = Password }, reported.Add);

        Assert.Equal(Password, resolved.Single().StackParameters["DbPassword"]);
        Assert.Equal([Password], reported);
    }

    [Fact]
    public async Task An_unset_variable_stops_the_deploy_at_the_line_that_reads_it()
    {
        var configuration = await LoadAsync("stackParameters:\n  DbPassword: { fromEnv: SHOP_DB_PASSWORD }\n");

        var failure = Assert.Throws<ConfigurationException>(() =>
            StackSecrets.Apply(configuration.Resolve("dev", null), new Dictionary<string, string>(), _ => { }));

        Assert.Equal($"{ProjectFile}:8:26: 'stackParameters.DbPassword' reads the environment variable SHOP_DB_PASSWORD, which is not set; " +
                     "export SHOP_DB_PASSWORD before ./build.sh Deploy (in CI, map it from a secret)", failure.Errors.Single().ToString());
    }
}
