using Amazon.Runtime;
using Liftoff.Aws.CloudWatch.Internal;
using Liftoff.Aws.CloudWatch.Model;
using Liftoff.Aws.Requests;
using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.CloudWatch;

/// <summary>CloudWatch on AWSSDK.Core's pipeline. Create through <see cref="AwsClients"/> in Liftoff's code.</summary>
public class AmazonCloudWatchClient : LiftoffServiceClient, IAmazonCloudWatch
{
    public AmazonCloudWatchClient(AWSCredentials credentials, AmazonCloudWatchConfig config, ICallerIdentity? callerIdentity = null, RequestBudget? budget = null)
        : base(credentials, config, CloudWatchOperations.Errors, callerIdentity, budget)
    {
        Paginators = new CloudWatchPaginatorFactory(this);
    }

    public ICloudWatchPaginatorFactory Paginators { get; }

    public Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudWatchOperations.DescribeAlarms, request, cancellationToken);
}
