using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying.Stacks;
using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>
/// AWS access for a build: clients for a project environment's region and endpoint (environments.yaml),
/// with credentials from --aws-profile or the AWS SDK's default chain. One set of clients per distinct
/// region and endpoint per build run.
/// </summary>
public interface IHazAws : IHazEnvironment
{
    /// <summary>--aws-profile; also read from LIFTOFF_AWS_PROFILE and AWS_PROFILE, as the AWS CLI reads the latter.</summary>
    [Parameter("AWS profile (~/.aws/config or ~/.aws/credentials, SSO included); default: the AWS SDK's credential chain", EnvironmentVariable = "AWS_PROFILE")]
    string? AwsProfile => TryGetValue(() => AwsProfile);

    /// <summary>The clients for where this project environment lives; disposed when the build finishes.</summary>
    /// <exception cref="AwsCredentialsException">No credentials, or the profile does not exist: the message says what to do.</exception>
    AwsClients AwsClientsFor(ProjectEnvironment environment) => Cached(() =>
    {
        var connection = new AwsConnection(environment.Region, environment.EndpointUrl, AwsProfile);
        // Every key, secret and token the clients sign with is masked in all output, wherever it was found.
        var clients = AwsClients.Create(connection, AwsCredentialsResolver.Resolve(connection, EnvironmentInfo.Variables), secret: Secrets.Add);
        OnBuildFinished(_ => clients.Dispose());
        return clients;
    }, $"{nameof(AwsClientsFor)}:{environment.Region}:{environment.EndpointUrl}");

    /// <summary>The project's API URL (project.yaml outputs.apiUrl) as the stack reports it: the environment's URL on GitHub.</summary>
    async Task<string?> ApiUrlAsync(ProjectEnvironment project, CancellationToken cancellationToken) =>
        project.Outputs.ApiUrl is { } api
            ? (await StackOutputValues.ReadAsync(AwsClientsFor(project).CloudFormation, project.StackName, cancellationToken)).Find(api.OutputName)
            : null;
}
