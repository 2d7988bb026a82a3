using Liftoff.Aws.Lambda.Model;
using Liftoff.Aws.Runtime;
using Liftoff.Aws.Runtime.Protocols;

namespace Liftoff.Aws.Lambda.Internal;

/// <summary>
/// Lambda's operations on the restJson1 protocol (API 2015-03-31): one marshaller and one unmarshaller each.
/// Wire format: https://docs.aws.amazon.com/lambda/latest/api/API_Operations.html
/// </summary>
internal static class LambdaOperations
{
    private const string Service = "Amazon.Lambda";
    private const string Functions = "/2015-03-31/functions/{FunctionName}";
    private static readonly System.Text.Json.JsonSerializerOptions Json = AwsJson.PascalCaseWith(LambdaJsonContext.Default);

    public static readonly AwsOperation<GetFunctionRequest, GetFunctionResponse> GetFunction = new(
        "GetFunction",
        r => HttpRequests.Rest(r, Service, "GET", Functions)
            .PathValue("{FunctionName}", r.FunctionName).Query("Qualifier", r.Qualifier),
        Body<GetFunctionResponse>(),
        r => r.FunctionName);

    public static readonly AwsOperation<GetFunctionConfigurationRequest, GetFunctionConfigurationResponse> GetFunctionConfiguration = new(
        "GetFunctionConfiguration",
        r => HttpRequests.Rest(r, Service, "GET", Functions + "/configuration")
            .PathValue("{FunctionName}", r.FunctionName).Query("Qualifier", r.Qualifier),
        Body<GetFunctionConfigurationResponse>(),
        r => r.FunctionName);

    public static readonly AwsOperation<UpdateFunctionCodeRequest, UpdateFunctionCodeResponse> UpdateFunctionCode = new(
        "UpdateFunctionCode",
        r => HttpRequests.Rest(r, Service, "PUT", Functions + "/code")
            .PathValue("{FunctionName}", r.FunctionName)
            .JsonBody(new
            {
                ZipFile = r.ZipFile is null ? null : Convert.ToBase64String(r.ZipFile.ToArray()),
                r.S3Bucket,
                r.S3Key,
                r.S3ObjectVersion,
                r.ImageUri,
                r.Publish,
                r.DryRun,
                r.RevisionId,
                Architectures = r.Architectures.Count == 0 ? null : r.Architectures,
            }, Json),
        Body<UpdateFunctionCodeResponse>(),
        r => r.FunctionName);

    public static readonly AwsOperation<PublishVersionRequest, PublishVersionResponse> PublishVersion = new(
        "PublishVersion",
        r => HttpRequests.Rest(r, Service, "POST", Functions + "/versions")
            .PathValue("{FunctionName}", r.FunctionName)
            .JsonBody(new { r.CodeSha256, r.Description, r.RevisionId }, Json),
        Body<PublishVersionResponse>(),
        r => r.FunctionName);

    public static readonly AwsOperation<ListVersionsByFunctionRequest, ListVersionsByFunctionResponse> ListVersionsByFunction = new(
        "ListVersionsByFunction",
        r => HttpRequests.Rest(r, Service, "GET", Functions + "/versions")
            .PathValue("{FunctionName}", r.FunctionName)
            .Query("Marker", r.Marker).Query("MaxItems", r.MaxItems?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Body<ListVersionsByFunctionResponse>(),
        r => r.FunctionName);

    public static readonly AwsOperation<GetAliasRequest, GetAliasResponse> GetAlias = new(
        "GetAlias",
        r => HttpRequests.Rest(r, Service, "GET", Functions + "/aliases/{Name}")
            .PathValue("{FunctionName}", r.FunctionName).PathValue("{Name}", r.Name),
        Body<GetAliasResponse>(),
        r => Alias(r.FunctionName, r.Name));

    public static readonly AwsOperation<CreateAliasRequest, CreateAliasResponse> CreateAlias = new(
        "CreateAlias",
        r => HttpRequests.Rest(r, Service, "POST", Functions + "/aliases")
            .PathValue("{FunctionName}", r.FunctionName)
            .JsonBody(new { r.Name, r.FunctionVersion, r.Description, r.RoutingConfig }, Json),
        Body<CreateAliasResponse>(),
        r => Alias(r.FunctionName, r.Name));

    public static readonly AwsOperation<UpdateAliasRequest, UpdateAliasResponse> UpdateAlias = new(
        "UpdateAlias",
        r => HttpRequests.Rest(r, Service, "PUT", Functions + "/aliases/{Name}")
            .PathValue("{FunctionName}", r.FunctionName).PathValue("{Name}", r.Name)
            .JsonBody(new { r.FunctionVersion, r.Description, r.RoutingConfig, r.RevisionId }, Json),
        Body<UpdateAliasResponse>(),
        r => Alias(r.FunctionName, r.Name));

    public static readonly AwsOperation<InvokeRequest, InvokeResponse> Invoke = new(
        "Invoke",
        r => HttpRequests.Rest(r, Service, "POST", Functions + "/invocations")
            .PathValue("{FunctionName}", r.FunctionName).Query("Qualifier", r.Qualifier)
            .Header("X-Amz-Invocation-Type", r.InvocationType?.Value)
            .Header("X-Amz-Log-Type", r.LogType?.Value)
            .Header("X-Amz-Client-Context", r.ClientContextBase64)
            .RawBody(r.PayloadStream?.ToArray() ?? [], "application/json"),
        new JsonResponseReader<InvokeResponse>(LambdaErrors.Instance, (stream, http) =>
        {
            var payload = new MemoryStream();
            stream.CopyTo(payload);
            payload.Position = 0;
            return new InvokeResponse
            {
                StatusCode = (int)http.StatusCode,
                FunctionError = http.GetHeaderValue("X-Amz-Function-Error") is { Length: > 0 } e ? e : null,
                LogResult = http.GetHeaderValue("X-Amz-Log-Result") is { Length: > 0 } l ? l : null,
                ExecutedVersion = http.GetHeaderValue("X-Amz-Executed-Version") is { Length: > 0 } v ? v : null,
                Payload = payload,
            };
        }),
        r => r.Qualifier is null ? r.FunctionName : $"{r.FunctionName}:{r.Qualifier}",
        iamAction: "InvokeFunction")
    {
        DataPlane = true,
    };

    private static JsonResponseReader<T> Body<T>() where T : Amazon.Runtime.AmazonWebServiceResponse, new() =>
        JsonResponseReader<T>.Body(LambdaErrors.Instance, Json);

    private static string Alias(string? function, string? alias) => $"{function}:{alias}";
}
