using Liftoff.Engine;

namespace Liftoff.Releases;

/// <summary>Who ran a release and where: a user on a laptop, or a CI actor with a link to the run and the commit it built.</summary>
public sealed record ReleaseActor(
    string User, string Host, int ProcessId, string? CiProvider = null, string? CiRunUrl = null, string? CiCommit = null)
{
    public string Display => CiProvider is null ? $"{User}@{Host}" : $"{User} ({CiProvider})";

    /// <summary>The actor of this run, from the host the engine detected (GitHub Actions, CodeBuild, or a machine).</summary>
    public static ReleaseActor For(BuildHost host) => new(
        host.Actor ?? Environment.UserName,
        Environment.MachineName,
        Environment.ProcessId,
        host.Kind switch
        {
            BuildHostKind.GitHubActions => "github-actions",
            BuildHostKind.CodeBuild => "codebuild",
            _ => null,
        },
        host.RunUrl,
        host.Commit);
}
