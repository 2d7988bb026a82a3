using Amazon.Runtime;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.CloudFormation;

/// <summary>Paginators for CloudFormation's paged operations (official shape: <c>cfn.Paginators.DescribeStackEvents(request).StackEvents</c>).</summary>
public interface ICloudFormationPaginatorFactory
{
    IDescribeStacksPaginator DescribeStacks(DescribeStacksRequest request);
    IDescribeStackEventsPaginator DescribeStackEvents(DescribeStackEventsRequest request);
}

public interface IDescribeStacksPaginator
{
    IPaginatedEnumerable<DescribeStacksResponse> Responses { get; }
    IPaginatedEnumerable<Stack> Stacks { get; }
}

public interface IDescribeStackEventsPaginator
{
    IPaginatedEnumerable<DescribeStackEventsResponse> Responses { get; }
    IPaginatedEnumerable<StackEvent> StackEvents { get; }
}

internal sealed class CloudFormationPaginatorFactory(IAmazonCloudFormation client) : ICloudFormationPaginatorFactory
{
    public IDescribeStacksPaginator DescribeStacks(DescribeStacksRequest request) =>
        new DescribeStacksPaginator(new TokenPaginator<DescribeStacksRequest, DescribeStacksResponse>(
            request, client.DescribeStacksAsync, r => r.NextToken, (r, t) => r.NextToken = t, r => r.NextToken));

    public IDescribeStackEventsPaginator DescribeStackEvents(DescribeStackEventsRequest request) =>
        new DescribeStackEventsPaginator(new TokenPaginator<DescribeStackEventsRequest, DescribeStackEventsResponse>(
            request, client.DescribeStackEventsAsync, r => r.NextToken, (r, t) => r.NextToken = t, r => r.NextToken));

    private sealed class DescribeStacksPaginator(IPaginator<DescribeStacksResponse> paginator) : IDescribeStacksPaginator
    {
        public IPaginatedEnumerable<DescribeStacksResponse> Responses { get; } = new PaginatedResponse<DescribeStacksResponse>(paginator);
        public IPaginatedEnumerable<Stack> Stacks { get; } = new PaginatedResultKeyResponse<DescribeStacksResponse, Stack>(paginator, r => r.Stacks);
    }

    private sealed class DescribeStackEventsPaginator(IPaginator<DescribeStackEventsResponse> paginator) : IDescribeStackEventsPaginator
    {
        public IPaginatedEnumerable<DescribeStackEventsResponse> Responses { get; } = new PaginatedResponse<DescribeStackEventsResponse>(paginator);
        public IPaginatedEnumerable<StackEvent> StackEvents { get; } = new PaginatedResultKeyResponse<DescribeStackEventsResponse, StackEvent>(paginator, r => r.StackEvents);
    }
}
