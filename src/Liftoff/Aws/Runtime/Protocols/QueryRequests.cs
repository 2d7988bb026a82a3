using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Liftoff.Aws.Runtime.Protocols;

/// <summary>
/// The awsQuery protocol (CloudFormation, CloudWatch): form parameters Action, Version and the
/// operation's members, lists flattened as Name.member.N(.Field).
/// </summary>
public sealed class QueryRequests
{
    private readonly IRequest _request;

    private QueryRequests(IRequest request) => _request = request;

    public static IRequest Create(AmazonWebServiceRequest request, string serviceName, string action, string version,
        Action<QueryRequests> write)
    {
        var http = new DefaultRequest(request, serviceName) { HttpMethod = "POST" };
        http.Parameters["Action"] = action;
        http.Parameters["Version"] = version;
        write(new QueryRequests(http));
        return http;
    }

    public QueryRequests Add(string name, string? value)
    {
        if (value is not null) _request.Parameters[name] = value;
        return this;
    }

    public QueryRequests Add(string name, ConstantClass? value) => Add(name, value?.Value);

    public QueryRequests Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public QueryRequests Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>A list of scalars: Name.member.1=a&amp;Name.member.2=b.</summary>
    public QueryRequests AddList(string name, IEnumerable<string>? values)
    {
        var index = 1;
        foreach (var value in values ?? [])
            Add($"{name}.member.{index++}", value);
        return this;
    }

    /// <summary>A list of structures: Name.member.1.Field=…, written by <paramref name="write"/>.</summary>
    public QueryRequests AddList<T>(string name, IEnumerable<T>? items, Action<T, Func<string, string>> write)
    {
        var index = 1;
        foreach (var item in items ?? [])
        {
            var prefix = $"{name}.member.{index++}.";
            write(item, field => prefix + field);
        }
        return this;
    }
}
