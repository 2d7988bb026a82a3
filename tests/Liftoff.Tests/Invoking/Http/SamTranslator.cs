using CliWrap;
using CliWrap.Buffered;

namespace Liftoff.Tests.Invoking.Http;

/// <summary>
/// aws-sam-translator (installed with cfn-lint), the transform AWS runs for SAM templates, run offline on a
/// template: what a SAM project's stack holds once CloudFormation has expanded it.
/// </summary>
internal static class SamTranslator
{
    private const string Script = """
        import json, sys
        from samtranslator.translator.transform import transform
        from samtranslator.yaml_helper import yaml_parse

        class NoApplications:
            def load(self, *args, **kwargs):
                return {}

        print(json.dumps(transform(yaml_parse(sys.stdin.read()), {}, NoApplications())))
        """;

    public static async Task<string> ExpandAsync(string samTemplate)
    {
        var result = await Cli.Wrap("python3").WithArguments(["-c", Script])
            .WithEnvironmentVariables(e => e.Set("AWS_DEFAULT_REGION", "us-east-1"))
            .WithStandardInputPipe(PipeSource.FromString(samTemplate))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput;
    }
}
