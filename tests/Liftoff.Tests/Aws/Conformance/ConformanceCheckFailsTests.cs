using System.Reflection;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Internal;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.CodePipeline;
using Liftoff.Aws.CodePipeline.Model;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Internal;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Aws.Runtime;
using Liftoff.Aws.Runtime.Protocols;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// The conformance check fails, naming operation, member and expected vs actual, when a copy of a real
/// operation, paginator or waiter gets one thing wrong; the real one passes the same check.
/// </summary>
public sealed class ConformanceCheckFailsTests(BotocoreFixture models) : IClassFixture<BotocoreFixture>
{
    private ServiceModel Lambda => models.Data.For(AmazonLambdaConfig.Definition);
    private static CatalogedService LambdaClient => ClientCatalog.Service("Lambda");

    [ServiceModelFact]
    public void A_misspelt_query_parameter_is_reported_with_the_model_s_name_and_the_sent_one()
    {
        var misspelt = new AwsOperation<GetFunctionRequest, GetFunctionResponse>(
            "GetFunction",
            r => HttpRequests.Rest(r, "Amazon.Lambda", "GET", "/2015-03-31/functions/{FunctionName}")
                .PathValue("{FunctionName}", r.FunctionName).Query("Qualifer", r.Qualifier),
            LambdaOperations.GetFunction.Unmarshaller);

        Assert.Empty(RequestConformance.Check(ClientCatalog.Operation("Lambda", "GetFunction"), Lambda));
        Assert.Equal(
            ["Lambda GetFunction: member Qualifier: the model sends it as querystring 'Qualifier', the marshaller as querystring 'Qualifer'."],
            RequestConformance.Check(Copy(AmazonLambdaConfig.Definition, misspelt), Lambda));
    }

    [ServiceModelFact]
    public void A_JSON_member_in_the_wrong_case_is_reported()
    {
        var pascalCase = new AwsOperation<GetPipelineStateRequest, GetPipelineStateResponse>(
            "GetPipelineState",
            r => HttpRequests.JsonRpc(r, "Amazon.CodePipeline", "CodePipeline_20150709.GetPipelineState", "1.1", new { r.Name }, AwsJson.PascalCase),
            Liftoff.Aws.CodePipeline.Internal.CodePipelineOperations.GetPipelineState.Unmarshaller);

        Assert.Equal(
            ["CodePipeline GetPipelineState: member Name: the model sends it as body '/name', the marshaller as body '/Name'."],
            RequestConformance.Check(Copy(AmazonCodePipelineConfig.Definition, pascalCase), models.Data.For(AmazonCodePipelineConfig.Definition)));
    }

    [ServiceModelFact]
    public void A_list_without_awsQuery_s_member_level_is_reported_per_item()
    {
        var flattened = new AwsOperation<DeleteStackRequest, DeleteStackResponse>(
            "DeleteStack",
            r => QueryRequests.Create(r, "Amazon.CloudFormation", "DeleteStack", "2010-05-15", q => q
                .Add("StackName", r.StackName).Add("RoleARN", r.RoleARN).Add("ClientRequestToken", r.ClientRequestToken)
                .Add("RetainResources.1", r.RetainResources[0]).Add("RetainResources.2", r.RetainResources[1])),
            CloudFormationOperations.DeleteStack.Unmarshaller);

        Assert.Equal(
            [
                "CloudFormation DeleteStack: member RetainResources[1]: the model sends it as body 'RetainResources.member.1', the marshaller as body 'RetainResources.1'.",
                "CloudFormation DeleteStack: member RetainResources[2]: the model sends it as body 'RetainResources.member.2', the marshaller as body 'RetainResources.2'.",
            ],
            RequestConformance.Check(Copy(AmazonCloudFormationConfig.Definition, flattened), models.Data.For(AmazonCloudFormationConfig.Definition)));
    }

    [ServiceModelFact]
    public void An_answer_element_read_under_a_wrong_name_is_reported_with_what_was_sent()
    {
        var misread = new AwsOperation<DescribeStackResourcesRequest, DescribeStackResourcesResponse>(
            "DescribeStackResources",
            CloudFormationOperations.DescribeStackResources.Marshaller.Marshall,
            XmlResponseReader<DescribeStackResourcesResponse>.Query(CloudFormationErrors.Instance, x => new DescribeStackResourcesResponse
            {
                StackResources = x.Members("StackResources").Select(e =>
                {
                    var resource = CloudFormationXml.StackResource(e);
                    resource.LogicalResourceId = e.Text("LogicalResourceID");
                    return resource;
                }).ToList(),
            }));
        var model = models.Data.For(AmazonCloudFormationConfig.Definition);

        Assert.Empty(ResponseConformance.Check(ClientCatalog.Operation("CloudFormation", "DescribeStackResources"), model, "query"));
        var findings = ResponseConformance.Check(Copy(AmazonCloudFormationConfig.Definition, misread), model, "query");
        Assert.Equal(2, findings.Count);
        Assert.Matches(new Regex(@"^CloudFormation DescribeStackResources: DescribeStackResourcesResponse\.StackResources\[0\]\.LogicalResourceId read null; " +
                                 @"the answer sent 'LogicalResourceId-\d+' as 'LogicalResourceId'\.$"), findings[0]);
    }

    [ServiceModelFact]
    public void Types_and_members_named_otherwise_than_the_SDK_names_them_are_reported()
    {
        var renamed = new AwsOperation<GetFunctionInput, GetFunctionOutput>(
            "GetFunction", r => HttpRequests.Rest(r, "Amazon.Lambda", "GET", "/"), LambdaOperations.GetFunction.Unmarshaller);

        Assert.Equal(
            [
                "Lambda GetFunction: GetFunctionInput is named GetFunctionRequest in the official SDK.",
                "Lambda GetFunction: GetFunctionInput.FunctionNme is no member of the model's shape GetFunctionRequest.",
                "Lambda GetFunction: GetFunctionInput.qualifier is no member of the model's shape GetFunctionRequest; the SDK names member Qualifier Qualifier.",
                "Lambda GetFunction: the model requires GetFunctionRequest.FunctionName, but GetFunctionInput has no settable property FunctionName.",
                "Lambda GetFunction: GetFunctionOutput is named GetFunctionResponse in the official SDK.",
            ],
            ShapeConformance.Check(Copy(AmazonLambdaConfig.Definition, renamed), Lambda));
    }

    [ServiceModelFact]
    public void Error_codes_the_model_does_not_send_and_exceptions_named_otherwise_are_reported()
    {
        var errors = new ServiceErrors((m, i, t, c, r, s) => new AmazonLambdaException(m, i, t, c, r, s), new Dictionary<string, ServiceExceptionFactory>
        {
            ["ResourceNotFound"] = (m, i, t, c, r, s) => new ResourceNotFoundException(m, i, t, c, r, s),
            ["ResourceConflictException"] = (m, i, t, c, r, s) => new InvalidParameterValueException(m, i, t, c, r, s),
        });
        var service = new CatalogedService(AmazonLambdaConfig.Definition, [], [errors], null);

        Assert.Equal(
            [
                "Lambda: no client interface IAmazon… in the namespace of Lambda's config, so its operations cannot be matched to the client.",
                "Lambda: error code 'ResourceNotFound' gets a typed exception, but no error shape of the model is sent with that code (the model has 'ResourceNotFoundException').",
                "Lambda: error code 'ResourceConflictException' becomes a InvalidParameterValueException; the official SDK throws ResourceConflictException (shape ResourceConflictException).",
            ],
            ServiceConformance.Check(service, Lambda));
    }

    [ServiceModelFact]
    public async Task A_paginator_that_does_not_pass_the_token_on_is_reported()
    {
        Assert.Empty(await PaginatorConformance.CheckAsync(LambdaClient, Lambda));
        Assert.Equal(
            ["Lambda ListVersionsByFunction paginator: the second request's Marker was ''; the model says the first response's NextMarker ('conformance-page-2') goes there."],
            await PaginatorConformance.CheckAsync(LambdaClient, Lambda, client => new ForgetfulPaginators((IAmazonLambda)client)));
    }

    [ServiceModelFact]
    public async Task A_waiter_that_takes_Failed_for_done_is_reported()
    {
        Assert.Empty(await WaiterConformance.CheckAsync(LambdaClient, Lambda));
        Assert.Equal(
            ["Lambda WaitUntilFunctionUpdatedAsync: acceptor path LastUpdateStatus == Failed → failure: the waiter's outcome was success."],
            await WaiterConformance.CheckAsync(LambdaClient, Lambda, [typeof(ConformanceCheckFailsTests).GetMethod(nameof(WaitUntilFunctionUpdatedAsync))!]));
    }

    /// <summary>A waiter that stops at any status but InProgress, Failed included.</summary>
    public static async Task WaitUntilFunctionUpdatedAsync(IAmazonLambda lambda, string functionName, CancellationToken cancellationToken)
    {
        while ((await lambda.GetFunctionConfigurationAsync(new GetFunctionConfigurationRequest { FunctionName = functionName }, cancellationToken))
               .LastUpdateStatus == LastUpdateStatus.InProgress)
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
    }

    private static CatalogedOperation Copy(AwsServiceDefinition service, object operation) =>
        CatalogedOperation.Of(service, operation, typeof(ConformanceCheckFailsTests));

    public sealed class GetFunctionInput : AmazonWebServiceRequest
    {
        public string? FunctionNme { get; set; }
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006", Justification = "Deliberately misnamed for the check.")]
        public string? qualifier { get; set; }
    }

    public sealed class GetFunctionOutput : AmazonWebServiceResponse;

    /// <summary>Lambda's paginators, but the marker is never set on the next request.</summary>
    private sealed class ForgetfulPaginators(IAmazonLambda client) : ILambdaPaginatorFactory
    {
        public IListVersionsByFunctionPaginator ListVersionsByFunction(ListVersionsByFunctionRequest request) =>
            new Pages(new TokenPaginator<ListVersionsByFunctionRequest, ListVersionsByFunctionResponse>(
                request, client.ListVersionsByFunctionAsync, r => r.Marker, (_, _) => { }, r => r.NextMarker));

        private sealed class Pages(IPaginator<ListVersionsByFunctionResponse> pages) : IListVersionsByFunctionPaginator
        {
            public IPaginatedEnumerable<ListVersionsByFunctionResponse> Responses { get; } = new PaginatedResponse<ListVersionsByFunctionResponse>(pages);
            public IPaginatedEnumerable<FunctionConfiguration> Versions { get; } =
                new PaginatedResultKeyResponse<ListVersionsByFunctionResponse, FunctionConfiguration>(pages, r => r.Versions);
        }
    }
}
