namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// Every operation of every thin client against AWS's own model of it, as shipped with the AWS CLI: the
/// request the marshaller builds, the types and names, what the unmarshaller reads, the error codes, the
/// paginators and the waiters. Reads JSON only; nothing is sent.
/// </summary>
public sealed class ServiceModelConformanceTests(BotocoreFixture models) : IClassFixture<BotocoreFixture>
{
    public static TheoryData<string, string> Operations()
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in ClientCatalog.Operations) data.Add(operation.Service.ServiceId, operation.Name);
        return data;
    }

    public static TheoryData<string> Services()
    {
        var data = new TheoryData<string>();
        foreach (var service in ClientCatalog.Services) data.Add(service.Definition.ServiceId);
        return data;
    }

    [ServiceModelTheory]
    [MemberData(nameof(Operations))]
    public void The_marshaller_sends_what_the_model_defines(string service, string operation)
    {
        var cataloged = ClientCatalog.Operation(service, operation);
        AssertConforms(RequestConformance.Check(cataloged, models.Data.For(cataloged.Service)));
    }

    [ServiceModelTheory]
    [MemberData(nameof(Operations))]
    public void Types_and_members_are_named_and_typed_as_the_official_SDK_names_the_model(string service, string operation)
    {
        var cataloged = ClientCatalog.Operation(service, operation);
        AssertConforms(ShapeConformance.Check(cataloged, models.Data.For(cataloged.Service)));
    }

    [ServiceModelTheory]
    [MemberData(nameof(Operations))]
    public void The_unmarshaller_reads_every_member_of_the_answer_the_model_describes(string service, string operation)
    {
        var cataloged = ClientCatalog.Operation(service, operation);
        var model = models.Data.For(cataloged.Service);
        AssertConforms(ResponseConformance.Check(cataloged, model, RequestConformance.ProtocolOf(cataloged)));
    }

    [ServiceModelTheory]
    [MemberData(nameof(Services))]
    public void The_client_matches_the_service_metadata_and_its_errors_are_model_error_shapes(string service)
    {
        var cataloged = ClientCatalog.Service(service);
        AssertConforms(ServiceConformance.Check(cataloged, models.Data.For(cataloged.Definition)));
    }

    [ServiceModelTheory]
    [MemberData(nameof(Services))]
    public async Task Paginators_pass_the_model_s_tokens_and_yield_its_result_keys(string service)
    {
        var cataloged = ClientCatalog.Service(service);
        AssertConforms(await PaginatorConformance.CheckAsync(cataloged, models.Data.For(cataloged.Definition)));
    }

    [ServiceModelTheory]
    [MemberData(nameof(Services))]
    public async Task Waiters_end_as_the_model_s_acceptors_say(string service)
    {
        var cataloged = ClientCatalog.Service(service);
        AssertConforms(await WaiterConformance.CheckAsync(cataloged, models.Data.For(cataloged.Definition)));
    }

    [Fact]
    public void The_catalog_finds_every_thin_client_with_its_operations_paginators_and_waiters()
    {
        var thinClients = typeof(Liftoff.Aws.AwsClients).GetProperties().Select(p => p.PropertyType)
            .Where(t => t.IsInterface && t.Assembly == ClientCatalog.Liftoff && t.Name.StartsWith("IAmazon", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(thinClients);
        foreach (var client in thinClients)
        {
            var service = Assert.Single(ClientCatalog.Services, s => s.ClientInterface == client);
            Assert.NotEmpty(service.Operations);
            Assert.NotEmpty(service.Errors);
            if (client.GetProperty("Paginators") is { } paginators)
                Assert.NotEmpty(paginators.PropertyType.GetMethods());
        }
        // The waiter the rollout relies on is found by the scan that the waiter check runs on.
        Assert.Contains(ClientCatalog.Services.SelectMany(WaiterConformance.WaitersOf), m => m.Name == "WaitUntilFunctionUpdatedAsync");
    }

    private static void AssertConforms(IReadOnlyList<string> findings) =>
        Assert.True(findings.Count == 0, $"{findings.Count} difference(s) from the AWS service model:\n  " + string.Join("\n  ", findings));
}
