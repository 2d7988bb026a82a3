using System.Security.Cryptography;

namespace Liftoff.Building;

/// <summary>
/// `npm ci` in a function's folder, skipped when node_modules is what the last `npm ci` left for the same
/// package-lock.json. The stamp records the hash of package-lock.json and of npm's own record of what it
/// installed (node_modules/.package-lock.json), so an edited lock file or an `npm install` by hand both
/// bring `npm ci` back; deleting a package folder by hand does not, and `npm ci` is one Compile away after
/// deleting node_modules.
/// </summary>
public sealed class NpmInstall(ToolRunner tools)
{
    public const string StampName = ".liftoff-npm-ci.sha256";

    /// <returns>True when `npm ci` ran, false when node_modules was up to date.</returns>
    public async Task<bool> EnsureAsync(string prefix, string directory, CancellationToken cancellationToken)
    {
        var lockFile = Path.Combine(directory, "package-lock.json");
        if (!File.Exists(lockFile))
            throw new BuildStepException(
                $"[{prefix}] {directory} has package.json but no package-lock.json. Compile installs with `npm ci`, " +
                "so that every build gets the same packages: run `npm install` there once and commit package-lock.json.");

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
