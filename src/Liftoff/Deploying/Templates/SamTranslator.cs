using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using Liftoff.Deploying.Stacks;

namespace Liftoff.Deploying.Templates;

/// <summary>
/// Expands a SAM template with aws-sam-translator, the translator AWS itself runs for the
/// AWS::Serverless-2016-10-31 transform (it is installed wherever cfn-lint is). Only the local AWS needs this:
/// AWS expands the template server-side (CAPABILITY_AUTO_EXPAND), moto does not expand transforms at all. The
/// translator starts in about a second, so results are kept in .nuke/temp/sam by template, parameters and region.
/// </summary>
public sealed class SamTranslator(string rootDirectory, string python = "python3")
{
    // Offline: a managed policy name (AWSLambdaBasicExecutionRole) resolves from the translator's bundled map,
    // so the loader that would ask IAM for the account's policies answers with none.
    private const string Script = """
        import json, sys
        from samtranslator.model.exceptions import InvalidDocumentException
        from samtranslator.translator.transform import transform
        from samtranslator.yaml_helper import yaml_parse

        class NoAccountPolicies:
            def load(self):
                return {}

        try:
            expanded = transform(yaml_parse(sys.stdin.read()), json.loads(sys.argv[1]), NoAccountPolicies())
        except InvalidDocumentException as e:
            print("\n".join(cause.message for cause in e.causes) or e.message, file=sys.stderr)
            sys.exit(3)
        json.dump(expanded, sys.stdout, indent=1)
        """;

    private readonly string _cache = Path.Combine(rootDirectory, ".nuke", "temp", "sam");

    /// <summary>The template with the transform applied: plain CloudFormation in JSON.</summary>
    /// <exception cref="DeployException">The translator refused the template (its messages say why) or could not run.</exception>
    public async Task<StackTemplate> ExpandAsync(
        StackTemplate template, IReadOnlyDictionary<string, string> parameters, string region, CancellationToken cancellationToken)
    {
        var arguments = JsonSerializer.Serialize(parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary());
        var entry = Path.Combine(_cache, Key(template.Body, arguments, region) + ".json");
        if (File.Exists(entry)) return template with { Body = await File.ReadAllTextAsync(entry, cancellationToken) };

        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap(python).WithArguments(["-c", Script, arguments])
                // The translator fills AWS::Region and friends from the SDK's region; nothing else is read from AWS.
                .WithEnvironmentVariables(e => e.Set("AWS_DEFAULT_REGION", region))
                .WithStandardInputPipe(PipeSource.FromString(template.Body))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(Encoding.UTF8, cancellationToken);
        }
        catch (Win32Exception e)
        {
            throw new DeployException($"Cannot run {python} to expand the SAM template for the local AWS ({e.Message}); install Python 3 with cfn-lint, which brings aws-sam-translator.", e);
        }
        if (result.ExitCode != 0)
            throw new DeployException(
                $"The SAM template {template.SourcePath ?? ""} does not expand (aws-sam-translator, as AWS would run it):{Environment.NewLine}" +
                string.Join(Environment.NewLine, result.StandardError.Trim().Split('\n').TakeLast(20).Select(l => "    " + l.TrimEnd())) +
                $"{Environment.NewLine}Fix the template and deploy again.");

        Directory.CreateDirectory(_cache);
        var temporary = $"{entry}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temporary, result.StandardOutput, cancellationToken);
        File.Move(temporary, entry, overwrite: true);
        return template with { Body = result.StandardOutput };
    }

    private static string Key(string body, string parameters, string region) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Script}\n{region}\n{parameters}\n{body}")));
}
