using Liftoff.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Configuration;

/// <summary>
/// A small valid repository (environments dev and prod, one project 'shop' with function 'api'):
/// each broken-configuration case changes one file of it.
/// </summary>
internal static class ValidRepository
{
    public const string Environments = """
        environments:
          dev:
            region: us-east-1
            artifactBucket: artifacts-{env}
          prod:
            region: eu-west-1
            artifactBucket: artifacts-{env}
            requiresApproval: true
            rollout:
              strategy: canary
              percent: 10
        """;

    public const string Project = """
        template: template.yaml
        functions:
          api:
            runtime: nodejs22.x
            handler: index.handler
            source: api
        """;

    public const string Template = """
        Parameters:
          Project: {Type: String}
          Environment: {Type: String}
          ArtifactBucket: {Type: String}
          ApiCodeKey: {Type: String}
        Resources:
          ApiFunction:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: !Sub "${Project}-${Environment}-lambda-api"
              Runtime: nodejs22.x
              Handler: index.handler
              Role: arn:aws:iam::123456789012:role/shop
              Code: {S3Bucket: !Ref ArtifactBucket, S3Key: !Ref ApiCodeKey}
          Site:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub "${Project}-${Environment}-s3-site"
        Outputs:
          ApiUrl: {Value: !Ref Site}
        """;

    /// <summary>The template with the function's role made by the stack: moto, like AWS, refuses a role Lambda cannot assume.</summary>
    public static string TemplateWithRole { get; } = Template
        .Replace("Role: arn:aws:iam::123456789012:role/shop", "Role: !GetAtt ApiRole.Arn")
        .Replace("Resources:\n", """
            Resources:
              ApiRole:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: !Sub "${Project}-${Environment}-role-api"
                  AssumeRolePolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: "sts:AssumeRole"}

            """);

    /// <summary>
    /// The project with its function's code in <paramref name="source"/> and <paramref name="more"/> added as written
    /// (top-level keys, or the function's own when indented under it: its source is the last line).
    /// </summary>
    public static string ProjectWith(string more, string source = "api") =>
        Project.Replace("source: api", $"source: {source}") + "\n" + more;

    /// <summary>
    /// <see cref="TemplateWithRole"/> with <paramref name="resources"/> added after the site bucket and
    /// <paramref name="outputs"/> in place of ApiUrl: the template a test deploys on its moto.
    /// </summary>
    public static string DeployableTemplate(string outputs, string resources = "") =>
        TemplateWithRole.Replace("Outputs:\n  ApiUrl: {Value: !Ref Site}", resources + "Outputs:\n" + outputs);

    /// <summary>Replaces the environments with one, local, on a test's moto with the given artifact bucket.</summary>
    public static TempRepository OnLocalAws(this TempRepository repository, string endpoint, string artifactBucket) =>
        repository.Write("environments.yaml", $"""
            environments:
              local:
                region: us-east-1
                endpointUrl: {endpoint}
                artifactBucket: {artifactBucket}
            """);

    /// <summary>
    /// Loading options that judge runtimes on the day these cases were written (2026-11-30: nodejs22.x
    /// supported, nodejs20.x blocked), so a test that counts warnings does not change with the calendar.
    /// </summary>
    public static ConfigurationOptions Options(params string[] projects) =>
        new() { Projects = projects, Clock = new ManualClock(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero)) };

    public static TempRepository Create(string project = "shop")
    {
        return new TempRepository()
            .Write("environments.yaml", Environments)
            .Write($"projects/{project}/project.yaml", Project)
            .Write($"projects/{project}/template.yaml", Template)
            .Write($"projects/{project}/api/index.js", "exports.handler = async () => ({ statusCode: 200 });\n");
    }
}
