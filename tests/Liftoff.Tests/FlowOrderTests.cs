using System.Text.RegularExpressions;
using Liftoff.Tests.Configuration;

namespace Liftoff.Tests;

/// <summary>
/// The folders of src/Liftoff follow the flow (README, "Where things live"): a folder may use only the
/// folders before it. So no folder depends on a later step of the flow, and no two folders depend on each
/// other. Read from each file's <c>using</c> directives and fully qualified <c>Liftoff.X.</c> names.
/// </summary>
public sealed partial class FlowOrderTests
{
    /// <summary>
    /// Bottom to top. Aws (AWS access) and Configuration know nothing of the steps; the steps follow in the
    /// order ./build.sh Deploy runs them; Releases (the ledger Deploy reads first and writes last, which
    /// SmokeTest, InvalidateCdn and Rollback read) sits below Deploying; Ci (CI files, affected projects, GitHub,
    /// CodePipeline, the CI role's policy) builds on all of them; Components (the targets) sits on top.
    /// A new folder takes its place here and in README's map.
    /// </summary>
    private static readonly string[] Flow =
        ["Aws", "Configuration", "Building", "Testing", "Packaging", "Uploading", "Releases", "Deploying", "Invoking", "SmokeTesting", "Ci", "Components"];

    private static readonly string Source = Path.Combine(RepositoryFolders.Root, "src", "Liftoff");

    [Fact]
    public void Every_folder_of_src_Liftoff_has_a_place_in_the_flow()
    {
        var folders = Directory.GetDirectories(Source)
            .Where(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories).Any())
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"));

        Assert.All(folders, folder => Assert.True(Flow.Contains(folder),
            $"src/Liftoff/{folder} has no place in the flow: add it to FlowOrderTests.Flow and to README's \"Where things live\"."));
    }

    [Fact]
    public void No_folder_uses_a_folder_later_in_the_flow()
    {
        var uses = Uses().ToList();

        var backwards = uses
            .Where(u => Array.IndexOf(Flow, u.Used) > Array.IndexOf(Flow, u.Folder))
            .Select(u => $"{u.File} uses Liftoff.{u.Used}, which comes after {u.Folder} in the flow ({string.Join(" → ", Flow)})")
            .Distinct()
            .ToList();

        // The scan reads real directives: Deploying is known to use Aws and Configuration.
        Assert.Contains(uses, u => u is { Folder: "Deploying", Used: "Aws" });
        Assert.Contains(uses, u => u is { Folder: "Deploying", Used: "Configuration" });
        Assert.True(backwards.Count == 0, string.Join(Environment.NewLine, backwards));
    }

    /// <summary>Every reference from a file in one top-level folder to another top-level folder of src/Liftoff.</summary>
    private static IEnumerable<(string File, string Folder, string Used)> Uses()
    {
        var folders = Directory.GetDirectories(Source).Select(Path.GetFileName).ToHashSet();
        foreach (var file in Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Source, file).Replace('\\', '/');
            var folder = relative.Split('/')[0];
            if (!Flow.Contains(folder)) continue;
            foreach (var line in File.ReadLines(file))
            {
                var code = line.Trim();
                if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith("namespace ", StringComparison.Ordinal)) continue;
                foreach (Match reference in Reference().Matches(code))
                {
                    var used = reference.Groups["folder"].Value;
                    if (used != folder && folders.Contains(used)) yield return ($"src/Liftoff/{relative}", folder, used);
                }
            }
        }
    }

    // `using Liftoff.X;`, `using A = Liftoff.X.Y;`, `using static Liftoff.X.Y;` and `Liftoff.X.Y` in code.
    [GeneratedRegex(@"\bLiftoff\.(?<folder>[A-Z]\w*)\b")]
    private static partial Regex Reference();
}
