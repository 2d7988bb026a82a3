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

    private static void AssertConforms(IReadOnlyList<string> findings) =>
        Assert.True(findings.Count == 0, $"{findings.Count} difference(s) from the AWS service model:\n  " + string.Join("\n  ", findings));
}
