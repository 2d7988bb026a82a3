using System.Security.Cryptography;
using System.Text;
using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Releases;

namespace Liftoff.Invoking.Http;

/// <summary>
/// The template a stack runs, read back from CloudFormation (GetTemplate, stage Processed: for a SAM template that
/// is the expanded one AWS deployed), so routes come from what is deployed and never from the working tree.
/// </summary>
public sealed record DeployedTemplate(string Body, string? Note)
{
    public string Sha256Hex => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body)));

    public static async Task<DeployedTemplate> ReadAsync(
        IAmazonCloudFormation cloudFormation, string stackName, Release? live, CancellationToken cancellationToken)
    {
        var template = new DeployedTemplate(await BodyAsync(cloudFormation, stackName, TemplateStage.Processed, cancellationToken), null);
        if (live?.TemplateSha256 is not { } recorded || recorded == template.Sha256Hex) return template;
        // The ledger records the template Liftoff sent; a SAM template's processed form differs from it by design.
        var original = await BodyAsync(cloudFormation, stackName, TemplateStage.Original, cancellationToken);
        return recorded == new DeployedTemplate(original, null).Sha256Hex
            ? template
            : template with { Note = $"stack {stackName}'s template is not the one release {live.Id} recorded (changed outside Liftoff?); routing by the stack's" };
    }

    private static async Task<string> BodyAsync(
        IAmazonCloudFormation cloudFormation, string stackName, TemplateStage stage, CancellationToken cancellationToken)
    {
        try
        {
            var response = await cloudFormation.GetTemplateAsync(
                new GetTemplateRequest { StackName = stackName, TemplateStage = stage }, cancellationToken);
            return response.TemplateBody ?? throw new InvokeException($"CloudFormation returned no template for stack {stackName}.");
        }
        catch (AmazonCloudFormationException e) when (e.ErrorCode == "ValidationError")
        {
            throw new InvokeException($"Stack {stackName} does not exist ({e.Message}): deploy the project first.", e);
        }
    }
}
