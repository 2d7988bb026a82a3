using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.SmokeTesting;

/// <summary>
/// A repository of small node projects, each a function behind a REST API with a health route and one smoke check,
/// for the local environment on a test's moto. No npm dependencies, so Compile is quick.
/// </summary>
internal static class SmokeRepository
{
    public const string Handler = """
        function json(statusCode, body) {
          return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
        }
        exports.handler = async (event) => {
          if (`${event.httpMethod} ${event.resource}` === 'GET /health') return json(200, { status: 'ok' });
          return json(404, { message: 'no route' });
        };
        """;

    private const string Project = """
        template: template.yaml
        functions:
          api:
            runtime: nodejs22.x
            handler: index.handler
            source: functions/api
        outputs:
          apiUrl: { output: ApiUrl, resource: Api }
        smokeChecks:
          - name: health
            path: /health
            json: { /status: ok }
        smokeTimeoutSeconds: 30
        """;

    private const string Template = """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Project: { Type: String }
          Environment: { Type: String }
          ArtifactBucket: { Type: String }
          ApiCodeKey: { Type: String }
        Resources:
          ApiFunctionRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: { Service: lambda.amazonaws.com }
                    Action: sts:AssumeRole
          ApiFunction:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: !Sub "${Project}-${Environment}-lambda-api"
              Runtime: nodejs22.x
              Handler: index.handler
              Role: !GetAtt ApiFunctionRole.Arn
              Code: { S3Bucket: !Ref ArtifactBucket, S3Key: !Ref ApiCodeKey }
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties:
              Name: !Sub "${Project}-${Environment}-api"
          HealthResource:
            Type: AWS::ApiGateway::Resource
            Properties:
              RestApiId: !Ref Api
              ParentId: !GetAtt Api.RootResourceId
              PathPart: health
          HealthGet:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !Ref HealthResource
              HttpMethod: GET
              AuthorizationType: NONE
              Integration:
                Type: AWS_PROXY
                IntegrationHttpMethod: POST
                Uri: !Sub "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${ApiFunction.Arn}:live/invocations"
          ApiDeployment:
            Type: AWS::ApiGateway::Deployment
            DependsOn: [HealthGet]
            Properties:
              RestApiId: !Ref Api
              StageName: !Ref Environment
        Outputs:
          ApiUrl:
            Value: !Sub "https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Environment}"
        """;

    public static TempRepository Create(string endpoint, string bucket, params string[] projects)
    {
        var repository = new TempRepository().OnLocalAws(endpoint, bucket);
        foreach (var project in projects)
        {
            repository.Write($"projects/{project}/project.yaml", Project);
            repository.Write($"projects/{project}/template.yaml", Template);
            repository.Write($"projects/{project}/functions/api/index.js", Handler);
        }
        return repository;
    }
}
