using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Trust;

/// <summary>
/// A small repository that deploys on moto: project 'shop' with function 'api', its own IAM role, a NoEcho DbPassword
/// read from the environment, in environment 'dev' pointed at a given endpoint (a counting proxy in front of moto).
/// </summary>
internal static class TrustRepository
{
    /// <summary>ValidRepository's project, its NoEcho DbPassword read from SHOP_DB_PASSWORD when Deploy runs.</summary>
    public static string Project { get; } = ValidRepository.Project.Replace(
        "template: template.yaml\n", "template: template.yaml\nstackParameters:\n  DbPassword: { fromEnv: SHOP_DB_PASSWORD }\n");

    /// <summary>ValidRepository's template with its role made by the stack, and the NoEcho DbPassword the function reads.</summary>
    public static string Template { get; } = ValidRepository.TemplateWithRole
        .Replace("  ApiCodeKey: {Type: String}\n", "  ApiCodeKey: {Type: String}\n  DbPassword: {Type: String, NoEcho: true}\n")
        .Replace("      Code: {S3Bucket: !Ref ArtifactBucket, S3Key: !Ref ApiCodeKey}\n",
            "      Code: {S3Bucket: !Ref ArtifactBucket, S3Key: !Ref ApiCodeKey}\n      Environment: {Variables: {DB_PASSWORD: !Ref DbPassword}}\n");

    public const string Handler = "exports.handler = async () => ({ statusCode: 200, body: 'shop' });\n";

    public static TempRepository Create(string endpoint, string bucket) => new TempRepository()
        .Folder(".nuke")
        .Write("environments.yaml", $"""
            environments:
              dev:
                region: us-east-1
                endpointUrl: {endpoint}
                artifactBucket: {bucket}
            """)
        .Write("projects/shop/project.yaml", Project)
        .Write("projects/shop/template.yaml", Template)
        .Write("projects/shop/api/index.js", Handler);
}
