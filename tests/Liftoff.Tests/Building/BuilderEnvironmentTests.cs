using Liftoff.Components;
using Liftoff.Engine;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Trust;

namespace Liftoff.Tests.Building;

/// <summary>
/// A function's build command, npm, pip, esbuild, cfn-lint and front-end builds run with the builder environment: the
/// allow-list in README ("What Liftoff guarantees"), no AWS credentials and no unrelated secrets. Compile runs
/// in-process with a real shell that writes down what it was given.
/// </summary>
public sealed class BuilderEnvironmentTests : IDisposable
{
    private readonly string _unrelated = "LIFTOFF_TEST_UNRELATED_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly TempRepository _repository = ValidRepository.Create().Folder(".nuke");

    public BuilderEnvironmentTests()
    {
        // A secret in the process's own environment (a CI runner's), which an in-process run does not list.
        Environment.SetEnvironmentVariable(_unrelated, "process-level-secret");
        _repository.Write("projects/shop/project.yaml", ValidRepository.Project + "\n    build: env > ../build-env.txt\n");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_unrelated, null);
        _repository.Dispose();
    }

    [Fact]
    public async Task A_build_command_sees_what_tools_need_and_no_credentials_or_unrelated_secrets()
    {
        var run = await CompileAsync(new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH")!,
            ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? Path.GetTempPath(),
            ["LANG"] = "C.UTF-8",
            ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            ["AWS_SESSION_TOKEN"] = "FwoGZXIvYXdzEXAMPLETOKEN",
            ["AWS_PROFILE"] = "production-admin",
            ["GITHUB_TOKEN"] = "ghp_exampletoken",
            ["LIFTOFF_DEPLOY_PASSWORD"] = "deploy-time-secret",
            ["NPM_TOKEN"] = "npm_registrytoken",
            ["npm_config_cache"] = "/tmp/npm-cache",
        });

        Assert.True(run.ExitCode == 0, run.Output);
        var seen = File.ReadAllLines(Path.Combine(_repository.Root, "projects/shop/build-env.txt"))
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), seen["PATH"]);
        Assert.Equal("C.UTF-8", seen["LANG"]);
        Assert.Equal("npm_registrytoken", seen["NPM_TOKEN"]);
        Assert.Equal("/tmp/npm-cache", seen["npm_config_cache"]);
        Assert.Equal("/dev/null", seen["AWS_SHARED_CREDENTIALS_FILE"]);
        Assert.Equal("/dev/null", seen["AWS_CONFIG_FILE"]);
        foreach (var name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "GITHUB_TOKEN", "LIFTOFF_DEPLOY_PASSWORD", _unrelated })
            Assert.False(seen.ContainsKey(name), $"the build command saw {name}");
    }

    private Task<BuildRun> CompileAsync(IReadOnlyDictionary<string, string> environment) =>
        TrustBuild.RunAsync<CompileBuild>(_repository.Root, "Compile", environment);

    private sealed class CompileBuild : LiftoffBuild, ICompile;
}
