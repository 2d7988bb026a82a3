using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.SmokeTesting;

/// <summary>
/// A repository of small node projects, each a function behind a REST API with a health route and one smoke check
/// (beside ValidRepository's site bucket, which nothing here reads), for the local environment on a test's moto.
/// No npm dependencies, so Compile is quick.
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

    private static readonly string Project = ValidRepository.ProjectWith(source: "functions/api", more: """
        outputs:
          apiUrl: { output: ApiUrl, resource: Api }
        smokeChecks:
          - name: health
            path: /health
            json: { /status: ok }
        smokeTimeoutSeconds: 30
        """);

    // ValidRepository's deployable template with a REST API whose /health route calls the function's alias.
    private static readonly string Template = ValidRepository.DeployableTemplate(
        outputs: """
              ApiUrl:
                Value: !Sub "https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Environment}"
            """,
        resources: """
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

            """);

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
