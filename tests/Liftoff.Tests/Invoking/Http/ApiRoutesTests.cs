using Liftoff.Invoking.Http;
using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Invoking.Http;

/// <summary>Routes read from deployed templates of each shape, and a request's route picked as API Gateway picks it.</summary>
public sealed class ApiRoutesTests
{
    private static DeployedApi Single(string template) => Assert.Single(ApiRoutes.Read(TemplateResources.Parse(template)));

    private static RouteMatch Match(DeployedApi api, string method, string path) =>
        RouteMatcher.Match(api.Routes, method, path) ?? throw new Xunit.Sdk.XunitException($"{method} {path} matched no route");

    [Fact]
    public void A_rest_api_of_resources_and_methods_routes_to_the_function_behind_each_path()
    {
        var api = Single(File.ReadAllText(Path.Combine(RepositoryFolders.Root, "projects", "media-register", "template.yaml")));

        Assert.Equal(ApiKind.Rest, api.Kind);
        Assert.Equal(["GET /health", "GET /media/{id}", "POST /media"], api.Routes.Select(r => r.RouteKey).Order());
        Assert.All(api.Routes, r => Assert.Equal(("RegisterFunction", "1.0"), (r.FunctionLogicalId, r.PayloadFormat)));
        var item = Match(api, "GET", "/media/abc%20d");
        Assert.Equal("/media/{id}", item.Route.Path);
        Assert.Equal("abc d", item.PathParameters["id"]);
        Assert.Null(RouteMatcher.Match(api.Routes, "DELETE", "/media/abc"));
        Assert.Null(RouteMatcher.Match(api.Routes, "GET", "/media/abc/more"));
    }

    [Fact]
    public void The_most_specific_path_wins_then_the_exact_method_before_any()
    {
        var api = Single("""
            Resources:
              Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: shop } }
              Fn: { Type: AWS::Lambda::Function, Properties: { FunctionName: shop-api } }
              Other: { Type: AWS::Lambda::Function, Properties: { FunctionName: shop-other } }
              Proxy: { Type: AWS::ApiGateway::Resource, Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: "{proxy+}" } }
              Orders: { Type: AWS::ApiGateway::Resource, Properties: { RestApiId: !Ref Api, ParentId: !GetAtt [Api, RootResourceId], PathPart: orders } }
              Order: { Type: AWS::ApiGateway::Resource, Properties: { RestApiId: !Ref Api, ParentId: !Ref Orders, PathPart: "{id}" } }
              RootGet:
                Type: AWS::ApiGateway::Method
                Properties: { RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: GET, Integration: { Type: AWS_PROXY, Uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}:live/invocations" } }
              ProxyAny:
                Type: AWS::ApiGateway::Method
                Properties: { RestApiId: !Ref Api, ResourceId: !Ref Proxy, HttpMethod: ANY, Integration: { Type: AWS_PROXY, Uri: { "Fn::Join": ["", ["arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/", { "Fn::GetAtt": [Other, Arn] }, "/invocations"]] } } }
              OrderAny:
                Type: AWS::ApiGateway::Method
                Properties: { RestApiId: !Ref Api, ResourceId: !Ref Order, HttpMethod: ANY, Integration: { Type: AWS_PROXY, Uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations" } }
              OrderGet:
                Type: AWS::ApiGateway::Method
                Properties: { RestApiId: !Ref Api, ResourceId: !Ref Order, HttpMethod: GET, Integration: { Type: AWS_PROXY, Uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Other.Arn}/invocations" } }
              Mocked:
                Type: AWS::ApiGateway::Method
                Properties: { RestApiId: !Ref Api, ResourceId: !Ref Orders, HttpMethod: GET, Integration: { Type: MOCK } }
            """);

        Assert.Equal(("GET", "/"), (Match(api, "GET", "/").Route.Method, Match(api, "GET", "/").Route.Path));
        Assert.Equal("Other", Match(api, "GET", "/orders/7").Route.FunctionLogicalId);
        Assert.Equal(("ANY", "Fn"), (Match(api, "DELETE", "/orders/7").Route.Method, Match(api, "DELETE", "/orders/7").Route.FunctionLogicalId));
        var greedy = Match(api, "POST", "/anything/else/here");
        Assert.Equal(("/{proxy+}", "Other"), (greedy.Route.Path, greedy.Route.FunctionLogicalId));
        Assert.Equal("anything/else/here", greedy.PathParameters["proxy"]);
        Assert.Contains("MOCK", Match(api, "GET", "/orders").Route.Unsupported);
    }

    [Fact]
    public void An_http_api_of_routes_and_integrations_keeps_each_integrations_payload_format()
    {
        var api = Single("""
            Resources:
              Api: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: shop, ProtocolType: HTTP } }
              Fn: { Type: AWS::Lambda::Function, Properties: { FunctionName: shop-api } }
              Live: { Type: AWS::Lambda::Alias, Properties: { FunctionName: !Ref Fn, FunctionVersion: "1", Name: live } }
              Modern: { Type: AWS::ApiGatewayV2::Integration, Properties: { ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !Ref Live } }
              Legacy: { Type: AWS::ApiGatewayV2::Integration, Properties: { ApiId: !Ref Api, IntegrationType: AWS_PROXY, PayloadFormatVersion: "1.0", IntegrationUri: "arn:aws:lambda:us-east-1:123456789012:function:shop-legacy:live" } }
              Items: { Type: AWS::ApiGatewayV2::Route, Properties: { ApiId: !Ref Api, RouteKey: "GET /items/{id}", Target: !Sub "integrations/${Modern}" } }
              Old: { Type: AWS::ApiGatewayV2::Route, Properties: { ApiId: !Ref Api, RouteKey: "POST /old", Target: !Join ["/", [integrations, !Ref Legacy]] } }
              Default: { Type: AWS::ApiGatewayV2::Route, Properties: { ApiId: !Ref Api, RouteKey: "$default", Target: !Sub "integrations/${Modern}" } }
            """);

        Assert.Equal(ApiKind.Http, api.Kind);
        var items = Match(api, "GET", "/items/9");
        Assert.Equal(("2.0", "Fn", "9"), (items.Route.PayloadFormat, items.Route.FunctionLogicalId, items.PathParameters["id"]));
        var old = Match(api, "POST", "/old");
        Assert.Equal(("1.0", null, "shop-legacy"), (old.Route.PayloadFormat, old.Route.FunctionLogicalId, old.Route.FunctionName));
        Assert.Equal(ApiRoute.DefaultRoute, Match(api, "PUT", "/not/declared").Route.Path);
    }

    [Fact]
    public async Task A_sam_templates_api_and_http_api_events_route_through_the_openapi_body_the_translator_writes()
    {
        var expanded = await SamTranslator.ExpandAsync("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              HelloFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: nodejs22.x
                  Handler: index.handler
                  CodeUri: s3://bucket/hello.zip
                  AutoPublishAlias: live
                  Events:
                    Hello: { Type: Api, Properties: { Path: "/hello/{name}", Method: get } }
                    Items: { Type: HttpApi, Properties: { Path: "/items/{proxy+}", Method: ANY } }
            """);

        var apis = ApiRoutes.Read(TemplateResources.Parse(expanded));

        var rest = apis.Single(a => a.Kind == ApiKind.Rest);
        var hello = Match(rest, "GET", "/hello/ada");
        Assert.Equal(("HelloFunction", "1.0", "ada"), (hello.Route.FunctionLogicalId, hello.Route.PayloadFormat, hello.PathParameters["name"]));
        var http = apis.Single(a => a.Kind == ApiKind.Http);
        var items = Match(http, "DELETE", "/items/a/b");
        Assert.Equal(("HelloFunction", "2.0", "a/b"), (items.Route.FunctionLogicalId, items.Route.PayloadFormat, items.PathParameters["proxy"]));
    }
}
