using Liftoff.Aws;
using Liftoff.Configuration;
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
        if (!clients.Connection.IsLocal) return (new LambdaInvoker(clients.Lambda, project), live);
        live ??= await new ReleaseLedger(clients.S3, project.ArtifactBucket)
                     .LastSuccessfulAsync(project.Project, project.Environment, cancellationToken)
                 ?? throw new InvokeException(
                       $"{project.Project} has no successful release in {project.Environment}, so there is no released code to run. " +
                       $"Deploy it first: ./build.sh Deploy --env {project.Environment} --project {project.Project}");
        return (new LocalInvoker(clients, project, live, runtimes), live);
    }
}
