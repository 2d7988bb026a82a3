using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Trust;

/// <summary>
/// A small repository that deploys on moto: project 'shop' with function 'api', its own IAM role, a NoEcho DbPassword
/// read from the environment, in environment 'dev' pointed at a given endpoint (a counting proxy in front of moto).
/// </summary>
internal static class TrustRepository
{
    public const string Project = """
        template: template.yaml
        stackParameters:
          DbPassword: { fromEnv: SHOP_DB_PASSWORD }
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
          DbPassword: {Type: String, NoEcho: true}
        Resources:
          ApiRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {Service: lambda.amazonaws.com}
                    Action: sts:AssumeRole
          ApiFunction:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: !Sub "${Project}-${Environment}-lambda-api"
              Runtime: nodejs22.x
              Handler: index.handler
              Role: !GetAtt ApiRole.Arn
              Code: {S3Bucket: !Ref ArtifactBucket, S3Key: !Ref ApiCodeKey}
              Environment:
                Variables:
                  DB_PASSWORD: !Ref DbPassword
        """;

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
