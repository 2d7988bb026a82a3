using System.Security.Cryptography;

namespace Liftoff.Building;

/// <summary>
/// `npm ci` in a function's folder, skipped when node_modules is what the last `npm ci` left for the same
/// package-lock.json. The stamp records the hash of package-lock.json and of npm's own record of what it
/// installed (node_modules/.package-lock.json), so an edited lock file or an `npm install` by hand both
/// bring `npm ci` back; deleting a package folder by hand does not, and `npm ci` is one Compile away after
/// deleting node_modules. Without package-lock.json (projects made by `sam init` ship none), a laptop build
/// runs `npm install`, which writes it, and says to commit it; a CI build refuses, since what it would
/// install is whatever the registry serves that day.
/// </summary>
/// <param name="inCi">The build runs on a CI service (BuildHost.IsCi).</param>
public sealed class NpmInstall(ToolRunner tools, bool inCi = false)
{
    public const string StampName = ".liftoff-npm-ci.sha256";

    /// <returns>True when npm ran (`npm ci`, or `npm install` writing the lock file), false when node_modules was up to date.</returns>
    public async Task<bool> EnsureAsync(string prefix, string directory, CancellationToken cancellationToken)
    {
        var lockFile = Path.Combine(directory, "package-lock.json");
        if (!File.Exists(lockFile)) return await WriteLockFileAsync(prefix, directory, cancellationToken);

        var stamp = Path.Combine(directory, "node_modules", StampName);
        if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp, cancellationToken) == await StateAsync(directory, cancellationToken))
        {
            tools.Report(prefix, $"node_modules matches package-lock.json in {Path.GetFileName(directory)}; npm ci skipped");
            return false;
        }

        await tools.RunAsync(prefix, directory, "npm", ["ci", "--no-audit", "--no-fund"], cancellationToken);
        await File.WriteAllTextAsync(stamp, await StateAsync(directory, cancellationToken), cancellationToken);
        return true;
    }

    private async Task<bool> WriteLockFileAsync(string prefix, string directory, CancellationToken cancellationToken)
    {
        if (inCi)
            throw new BuildStepException(
                $"[{prefix}] {directory} has package.json but no package-lock.json, and a CI build installs only what a lock file pins " +
                $"(`npm ci`), so every build gets the same packages. Run `npm install` in {directory} on your machine and commit package-lock.json.");
        tools.Report(prefix, $"warning: {directory} has no package-lock.json; `npm install` writes one now. " +
                             "Commit it: CI builds refuse to run without it, and it pins the packages every build gets.");
        await tools.RunAsync(prefix, directory, "npm", ["install", "--no-audit", "--no-fund"], cancellationToken);
        Directory.CreateDirectory(Path.Combine(directory, "node_modules")); // a package without dependencies gets none
        await File.WriteAllTextAsync(Path.Combine(directory, "node_modules", StampName), await StateAsync(directory, cancellationToken), cancellationToken);
        return true;
    }

    private static async Task<string> StateAsync(string directory, CancellationToken cancellationToken) =>
        await HashAsync(Path.Combine(directory, "package-lock.json"), cancellationToken) + " " +
        await HashAsync(Path.Combine(directory, "node_modules", ".package-lock.json"), cancellationToken);

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return "none";
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
