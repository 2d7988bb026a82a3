using CliWrap.Buffered;

namespace Liftoff.Build.Tests.Ci;

/// <summary>
/// What a clean checkout holds of the files GenerateCi reads and writes (configuration, projects, .nuke, the CI
/// files), copied to a temporary folder so a run of the real target never touches the working tree.
/// </summary>
internal sealed class CleanCheckout : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "liftoff-checkout-" + Guid.NewGuid().ToString("N")[..12]);

    public static CleanCheckout Copy()
    {
        var checkout = new CleanCheckout();
        foreach (var file in new[] { "environments.yaml", "buildspec.yml", ".gitignore" })
            File.Copy(Path.Combine(Repository.Root, file), Path.Combine(checkout.Root, file));
        foreach (var folder in new[] { "projects", ".github", ".nuke" })
            CopyTree(Path.Combine(Repository.Root, folder), Path.Combine(checkout.Root, folder));
        return checkout;
    }

    private CleanCheckout() => Directory.CreateDirectory(Root);

    /// <summary>Makes the copy a git repository with everything committed, as a fresh clone is.</summary>
    public async Task CommitAsync()
    {
        await GitAsync("init", "-q");
        await GitAsync("add", "-A");
        await GitAsync("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "--no-gpg-sign", "-m", "checkout");
    }

    /// <summary>`git status --porcelain`: empty when the working tree is as committed.</summary>
    public Task<string> StatusAsync() => GitAsync("status", "--porcelain");

    private async Task<string> GitAsync(params string[] arguments)
    {
        var result = await CliWrap.Cli.Wrap("git").WithArguments(arguments).WithWorkingDirectory(Root)
            .WithEnvironmentVariables(e => e.Set("GIT_CONFIG_NOSYSTEM", "1").Set("HOME", Root))
            .WithValidation(CliWrap.CommandResultValidation.None).ExecuteBufferedAsync();
        if (result.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {result.StandardError}");
        return result.StandardOutput;
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            // Outputs a clean checkout does not have (they are ignored by git).
            if (name is "node_modules" or "dist" or ".test-build" or "__pycache__" or "temp") continue;
            CopyTree(directory, Path.Combine(target, name));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
