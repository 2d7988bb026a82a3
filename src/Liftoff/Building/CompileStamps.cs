using System.IO.Hashing;
using System.Text;
using Liftoff.Configuration;
using Liftoff.Engine;

namespace Liftoff.Building;

/// <summary>
/// Compile's record of each unit it built (a function, a layer, a front end), so that a unit whose inputs and output
/// are as its last successful build left them is not built again. Inputs: how it is built (builder, runtime, handler,
/// command, the builder's environment, this Liftoff) and every file under its source folder, by content (found by size
/// and time, read only when those differ), plus the files outside it that esbuild reported reading. Output: the staging
/// or output folder's names, sizes and times, which only Compile should change. The inputs are read before the build,
/// so an edit made while it runs is seen by the next one; the stamp is removed before a build and written after it
/// succeeds, so a failed or cancelled build is never taken as done. <c>--force</c> builds everything.
/// </summary>
internal sealed class CompileStamps(string rootDirectory, bool force)
{
    private static readonly string ThisLiftoff = typeof(CompileStamps).Assembly.ManifestModule.ModuleVersionId.ToString();

    /// <summary>One thing Compile builds. <paramref name="Skip"/>: a folder under the inputs that is not one (the output).</summary>
    public sealed record Unit(string Project, string Name, string Settings, string Source, string Output, string? Skip = null);

    /// <summary>What was found: whether the unit is current, and what to record once it is built.</summary>
    public sealed record Check(Unit Unit, string Inputs, bool Current, int FileCount);

    private sealed record Stamp(string Inputs, IReadOnlyList<string> Extras, string ExtrasHash, string Output, int FileCount);

    public async Task<Check> CheckAsync(Unit unit, CancellationToken cancellationToken)
    {
        var previous = await ReadAsync(StampFile(unit), cancellationToken);
        var known = await ContentHashCache.LoadAsync(ContentHashCache.FileFor(rootDirectory, "compile", unit.Project, unit.Name), cancellationToken);
        var inputs = await InputsAsync(unit, known, cancellationToken);
        var current = !force && previous is not null && previous.Inputs == inputs &&
                      previous.ExtrasHash == await ExtrasAsync(previous.Extras, known, cancellationToken) &&
                      previous.Output == TreeFingerprint.Listing(unit.Output);
        await known.SaveAsync(cancellationToken);
        if (!current && previous is not null) File.Delete(StampFile(unit));
        return new Check(unit, inputs, current, previous?.FileCount ?? 0);
    }

    /// <summary>Records a unit just built from the inputs <paramref name="check"/> read; <paramref name="extras"/>: files outside its source it read.</summary>
    public async Task RecordAsync(Check check, int fileCount, IReadOnlyList<string> extras, CancellationToken cancellationToken)
    {
        var known = await ContentHashCache.LoadAsync(ContentHashCache.FileFor(rootDirectory, "compile", check.Unit.Project, check.Unit.Name), cancellationToken);
        var stamp = new StringBuilder()
            .Append(check.Inputs).Append('\n')
            .Append(string.Join('\t', extras)).Append('\n')
            .Append(await ExtrasAsync(extras, known, cancellationToken)).Append('\n')
            .Append(TreeFingerprint.Listing(check.Unit.Output)).Append('\n')
            .Append(fileCount).Append('\n');
        await known.SaveAsync(cancellationToken);
        var file = StampFile(check.Unit);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, stamp.ToString(), cancellationToken);
    }

    /// <summary>What every unit's build depends on besides its own settings: this Liftoff and the builder's environment (secrets left out).</summary>
    public static string Common() =>
        ThisLiftoff + "\n" + string.Join('\n', BuilderEnvironment.For(EnvironmentInfo.Variables)
            .Where(v => !IsSecret(v.Key))
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => $"{v.Key}={v.Value}"));

    public static string SettingsOf(FunctionBuild function) => string.Join('\n',
        "function", function.Builder, function.Runtime, function.Handler, function.Entry, function.BuildCommand, function.Architecture,
        function.SourceDirectory, function.StagingDirectory, string.Join(',', function.Layers));

    private static bool IsSecret(string name) =>
        name.Contains("TOKEN", StringComparison.OrdinalIgnoreCase) || name.Contains("SECRET", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase);

    private static async Task<string> InputsAsync(Unit unit, ContentHashCache known, CancellationToken cancellationToken)
    {
        try
        {
            var tree = await TreeFingerprint.ContentAsync(unit.Source, unit.Skip, known, cancellationToken);
            return Hash(unit.Settings + "\n" + tree);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable"; // never equal to a recorded hash: the unit is built
        }
    }

    private static async Task<string> ExtrasAsync(IReadOnlyList<string> extras, ContentHashCache known, CancellationToken cancellationToken)
    {
        try
        {
            return await TreeFingerprint.FilesAsync(extras, known, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }

    private string StampFile(Unit unit) => Path.Combine(rootDirectory, ".nuke", "temp", "stamps", "compile", unit.Project, unit.Name + ".txt");

    private static async Task<Stamp?> ReadAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file)) return null;
        var lines = await File.ReadAllLinesAsync(file, cancellationToken);
        return lines.Length >= 5 && int.TryParse(lines[4], out var count)
            ? new Stamp(lines[0], lines[1].Length == 0 ? [] : lines[1].Split('\t'), lines[2], lines[3], count)
            : null;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(text)));
}
