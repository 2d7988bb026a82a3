// What skipping `npm ci` saves on a rebuild: Compile of the three sample projects (a copy, in a temporary
// folder) first cold, then warm with the skip, then warm with the skip defeated (stamps deleted), which is
// what every rebuild would cost without it. Prints a table; not a test.
using System.Diagnostics;
using Liftoff.Building;
using Liftoff.Configuration;

var root = FindRoot();
var copy = Path.Combine(Path.GetTempPath(), "liftoff-bench-" + Guid.NewGuid().ToString("N")[..8]);
CopyTree(Path.Combine(root, "projects"), Path.Combine(copy, "projects"));
File.Copy(Path.Combine(root, "environments.yaml"), Path.Combine(copy, "environments.yaml"));
const int rounds = 3;
try
{
    var builds = (await ConfigurationLoader.LoadAsync(copy, CancellationToken.None)).Builds(null);
    var compiler = new ProjectCompiler(copy, TextWriter.Null);
    var cold = await TimeAsync(() => compiler.CompileAsync(builds, CancellationToken.None));
    var skipping = new List<TimeSpan>();
    var forced = new List<TimeSpan>();
    for (var i = 0; i < rounds; i++)
    {
        skipping.Add(await TimeAsync(() => compiler.CompileAsync(builds, CancellationToken.None)));
        foreach (var stamp in Directory.GetFiles(Path.Combine(copy, "projects"), ".liftoff-npm-ci.sha256", SearchOption.AllDirectories))
            File.Delete(stamp);
        forced.Add(await TimeAsync(() => compiler.CompileAsync(builds, CancellationToken.None)));
    }

    Console.WriteLine($"Compile of {builds.Count} sample projects ({Environment.ProcessorCount} cores), median of {rounds}:");
    Console.WriteLine("| case                                    | seconds |");
    Console.WriteLine("| --------------------------------------- | ------: |");
    Console.WriteLine($"| first build (npm ci from npm's cache)   | {cold.TotalSeconds,7:0.00} |");
    Console.WriteLine($"| rebuild, npm ci skipped (Liftoff)       | {Median(skipping),7:0.00} |");
    Console.WriteLine($"| rebuild, npm ci every time (peer)       | {Median(forced),7:0.00} |");
}
finally
{
    Directory.Delete(copy, recursive: true);
}

static async Task<TimeSpan> TimeAsync(Func<Task> action)
{
    var clock = Stopwatch.StartNew();
    await action();
    return clock.Elapsed;
}

static double Median(List<TimeSpan> times) => times.Select(t => t.TotalSeconds).Order().ElementAt(times.Count / 2);

static string FindRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "Solution.sln"))) return d.FullName;
    throw new InvalidOperationException("Run from inside the repository.");
}

static void CopyTree(string source, string target)
{
    Directory.CreateDirectory(target);
    foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
    foreach (var directory in Directory.GetDirectories(source))
        if (Path.GetFileName(directory) is not ("node_modules" or "dist" or ".test-build" or "__pycache__"))
            CopyTree(directory, Path.Combine(target, Path.GetFileName(directory)));
}
