namespace Liftoff.Releases;

/// <summary>Who ran a release and where: a user on a laptop, or a CI actor with a link to the run.</summary>
public sealed record ReleaseActor(string User, string Host, int ProcessId, string? CiProvider = null, string? CiRunUrl = null)
{
    public string Display => CiProvider is null ? $"{User}@{Host}" : $"{User} ({CiProvider})";

    /// <summary>
    /// Reads the actor from the process environment: GitHub Actions (GITHUB_ACTOR, run URL from GITHUB_SERVER_URL,
    /// GITHUB_REPOSITORY, GITHUB_RUN_ID), CodeBuild (CODEBUILD_INITIATOR, CODEBUILD_BUILD_URL when set), else the OS user.
    /// </summary>
    public static ReleaseActor FromEnvironment(Func<string, string?>? environment = null)
    {
        var env = environment ?? System.Environment.GetEnvironmentVariable;
        var host = System.Environment.MachineName;
        var pid = System.Environment.ProcessId;

        if (env("GITHUB_ACTIONS") == "true")
        {
            var url = env("GITHUB_RUN_ID") is { } run
                ? $"{env("GITHUB_SERVER_URL") ?? "https://github.com"}/{env("GITHUB_REPOSITORY")}/actions/runs/{run}"
                : null;
            return new ReleaseActor(env("GITHUB_ACTOR") ?? "github-actions", host, pid, "github-actions", url);
        }
        if (env("CODEBUILD_BUILD_ID") is { } buildId)
            return new ReleaseActor(env("CODEBUILD_INITIATOR") ?? "codebuild", host, pid, "codebuild",
                env("CODEBUILD_BUILD_URL") ?? env("CODEBUILD_PUBLIC_BUILD_URL") ?? buildId);

        return new ReleaseActor(env("USER") ?? env("USERNAME") ?? System.Environment.UserName, host, pid);
    }
}
