using Liftoff.Aws.CodePipeline.Model;
using Liftoff.Ci.Workflows;

namespace Liftoff.Ci.Pipelines;

/// <summary>What one pipeline action does, in a few words, for PipelineSync's table.</summary>
public static class PipelineDescription
{
    public static string Of(ActionDeclaration action)
    {
        var configuration = action.Configuration;
        return action.ActionTypeId?.Provider switch
        {
            "CodeCommit" => $"{configuration.GetValueOrDefault("RepositoryName")} {configuration.GetValueOrDefault("BranchName")}",
            "Manual" => "a person's approval",
            "CodeBuild" => $"{configuration.GetValueOrDefault("ProjectName")}: ./build.sh {ArgumentsOf(configuration)}",
            var provider => provider ?? "",
        };
    }

    private static string ArgumentsOf(IReadOnlyDictionary<string, string> configuration) =>
        configuration.TryGetValue("EnvironmentVariables", out var json)
            ? System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray()
                .Where(v => v.GetProperty("name").GetString() == BuildspecWriter.ArgumentsVariable)
                .Select(v => v.GetProperty("value").GetString()).FirstOrDefault() ?? ""
            : "";
}
