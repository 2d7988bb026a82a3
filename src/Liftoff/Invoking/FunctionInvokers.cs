using Liftoff.Aws;
using Liftoff.Aws.CloudFormation;
using Liftoff.Configuration;
using Liftoff.Deploying.Stacks;
using Liftoff.Invoking.Local;
using Liftoff.Invoking.Remote;
using Liftoff.Releases;

namespace Liftoff.Invoking;

/// <summary>How a project environment's functions are called: on this machine for a local AWS, else in Lambda.</summary>
public static class FunctionInvokers
{
    /// <summary>The invoker, and for a local AWS the live release whose code it runs.</summary>
    /// <exception cref="InvokeException">A local AWS without a release of the project: nothing to run yet.</exception>
    public static async Task<(IFunctionInvoker Invoker, Release? Live)> ForAsync(
        ProjectEnvironment project, AwsClients clients, LambdaRuntimeCache runtimes, CancellationToken cancellationToken, Release? live = null)
    {
        project = await WithDeployedNamesAsync(project, clients, cancellationToken);
        if (!clients.Connection.IsLocal) return (new LambdaInvoker(clients.Lambda, project), live);
        live ??= await new ReleaseLedger(clients.S3, project.ArtifactBucket)
                     .LastSuccessfulAsync(project.Project, project.Environment, cancellationToken)
                 ?? throw new InvokeException(
                       $"{project.Project} has no successful release in {project.Environment}, so there is no released code to run. " +
                       $"Deploy it first: ./build.sh Deploy --env {project.Environment} --project {project.Project}");
        return (new LocalInvoker(clients, project, live, runtimes), live);
    }

    /// <summary>
    /// The project with each function's physical name as its stack gives it (found by logical id: AWS names the
    /// functions whose template names none). Without a stack yet, the names stay as the template says.
    /// </summary>
    private static async Task<ProjectEnvironment> WithDeployedNamesAsync(ProjectEnvironment project, AwsClients clients, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string> resources;
        try
        {
            resources = (await StackOutputValues.ReadAsync(clients.CloudFormation, project.StackName, cancellationToken)).Resources;
        }
        catch (AmazonCloudFormationException e) when (e.ErrorCode == "ValidationError")
        {
            return project; // no stack: the invokers say to deploy first
        }
        return project with
        {
            Functions = project.Functions.Select(f => f with { FunctionName = resources.GetValueOrDefault(f.LogicalId) ?? f.FunctionName }).ToList(),
        };
    }
}
