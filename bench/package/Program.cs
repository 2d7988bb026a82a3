using System.Diagnostics;
using System.Globalization;
using CliWrap;
using Liftoff.Bench.Package;
using Liftoff.Packaging;

// Usage: dotnet run -c Release --project bench/package [-- --runs 5 --packages 540 --seed 20240601 --level 6 --phases 1]
var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var runs = Option("runs", 5);
var seed = Option("seed", 20240601);
var packages = Option("packages", 540);

var outDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../out"));
var tree = Path.Combine(outDir, "tree");
var marker = Path.Combine(outDir, "tree.seed");
var identity = $"v2 seed={seed} packages={packages}";
if (!File.Exists(marker) || File.ReadAllText(marker) != identity)
{
    if (Directory.Exists(tree)) Directory.Delete(tree, recursive: true);
    Console.WriteLine($"Generating the tree ({identity}) in {tree} ...");
    Directory.CreateDirectory(outDir);
    new TreeGenerator(seed, packages).Write(tree);
    File.WriteAllText(marker, identity);
}
var files = Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToList();
Console.WriteLine($"Tree: {files.Count:N0} files, {files.Sum(f => f.Length) / 1e6:0.0} MB; {Environment.ProcessorCount} cores; load {LoadAverage()}");

var liftoffRoot = Path.Combine(outDir, "liftoff");
var zipPath = Path.Combine(outDir, "zip.zip");
var request = new ArtifactRequest("bench", "node-modules", "nodejs20.x", "index.handler", tree, [], []);
// Lambda's limits are not the point here; the zip tool has none.
var level = Option("level", new PackagingSettings().CompressionLevel);
var settings = new PackagingSettings { Limits = new ArtifactLimits(long.MaxValue, long.MaxValue), CompressionLevel = level };

if (options.ContainsKey("phases"))
{
    // Where the CPU goes, phase by phase (run twice: the first pays for JIT).
    for (var round = 0; round < 2; round++)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        void Phase(string name)
        {
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine($"  {name}: {clock.Elapsed.TotalSeconds:0.00} s wall, {(now - cpu).TotalSeconds:0.00} s CPU");
            cpu = now;
            clock.Restart();
        }
        var selected = FileSelection.Select(request, CancellationToken.None);
        Phase("select");
        await InputsHash.ComputeAsync(request, selected, settings, CancellationToken.None);
        Phase("inputs hash (only when a previous artifact exists)");
        using var gate = new SemaphoreSlim(Environment.ProcessorCount);
        await using (var output = File.Create(Path.Combine(outDir, "phases.zip")))
            await new Liftoff.Packaging.Zip.DeterministicZipWriter(level, settings.Timestamp, gate).WriteAsync(selected, output, CancellationToken.None);
        Phase("zip");
        await using (var zipped = File.OpenRead(Path.Combine(outDir, "phases.zip")))
            await System.Security.Cryptography.SHA256.HashDataAsync(zipped);
        Phase("sha256");
    }
}

var liftoff = new List<(double Seconds, long Size, int Files, double Cpu)>();
var zip = new List<(double Seconds, long Size, double Cpu)>();
// Two rounds left out of the medians: the first pays for JIT (a one-off per build process; shown so it
// is not hidden), the second for the tiered JIT's recompilation of the hot paths. Page cache and file
// metadata warm up for both tools alike.
for (var warmUp = 1; warmUp <= 2; warmUp++)
{
    var (l, z) = (await Liftoff(), await Zip());
    Console.WriteLine($"warm-up {warmUp}: liftoff {l.Item1:0.00} s ({l.Item4:0.00} s CPU), zip {z.Item1:0.00} s ({z.Item3:0.00} s CPU)");
}
for (var run = 1; run <= runs; run++)
{
    // Alternate who goes first so neither always gets the warmer page cache.
    if (run % 2 == 1) { liftoff.Add(await Liftoff()); zip.Add(await Zip()); }
    else { zip.Add(await Zip()); liftoff.Add(await Liftoff()); }
    Console.WriteLine($"run {run}: liftoff {liftoff[^1].Seconds:0.00} s ({liftoff[^1].Cpu:0.00} s CPU), zip {zip[^1].Seconds:0.00} s ({zip[^1].Cpu:0.00} s CPU) (load {LoadAverage()})");
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

// Each run's ratio compares the two tools under the same load; the median of those is the headline.
var ratios = liftoff.Zip(zip, (a, b) => b.Seconds / a.Seconds).ToList();
var size = liftoff[^1].Size;
Console.WriteLine();
Console.WriteLine($"{runs} runs, {files.Count:N0} files / {files.Sum(f => f.Length) / 1e6:0.0} MB, {Environment.ProcessorCount} cores (medians):");
Console.WriteLine();
Console.WriteLine("| packager | wall time (s) | CPU time (s) | archive (MB) | files |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
Console.WriteLine($"| Liftoff (deflate {level}, parallel) | {Median(liftoff.Select(r => r.Seconds)):0.00} | {Median(liftoff.Select(r => r.Cpu)):0.00} | {size / 1e6:0.00} | {liftoff[^1].Files:N0} |");
Console.WriteLine($"| zip -X -r -q -6 | {Median(zip.Select(r => r.Seconds)):0.00} | {Median(zip.Select(r => r.Cpu)):0.00} | {zip[^1].Size / 1e6:0.00} | {files.Count:N0} |");
Console.WriteLine();
Console.WriteLine($"Speed-up (zip time / Liftoff time, median of the runs): {Median(ratios):0.00}x (goal >= 1.5x); per run: {string.Join(", ", ratios.Select(r => r.ToString("0.00")))}.");
Console.WriteLine($"Archive size: Liftoff's is {(size - zip[^1].Size) * 100.0 / zip[^1].Size:+0.0;-0.0} % against zip's (goal <= +5 %).");

async Task<(double, long, int, double)> Liftoff()
{
    if (Directory.Exists(liftoffRoot)) Directory.Delete(liftoffRoot, recursive: true);
    Directory.CreateDirectory(liftoffRoot);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var result = (await new ArtifactPackager(liftoffRoot, settings).PackageAsync([request], force: true, CancellationToken.None)).Single();
    var wall = clock.Elapsed.TotalSeconds;
    return (wall, result.Artifact.Size, result.Artifact.FileCount, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
}

// zip's CPU time comes from GNU time (user + system); without it only the wall time is known.
async Task<(double, long, double)> Zip()
{
    File.Delete(zipPath);
    var times = Path.Combine(outDir, "zip.time");
    var timed = File.Exists("/usr/bin/time");
    string[] zipArgs = ["-X", "-r", "-q", "-6", zipPath, "."];
    var command = timed
        ? Cli.Wrap("/usr/bin/time").WithArguments(["-f", "%U %S", "-o", times, "zip", .. zipArgs])
        : Cli.Wrap("zip").WithArguments(zipArgs);
    var clock = Stopwatch.StartNew();
    await command.WithWorkingDirectory(tree).ExecuteAsync();
    var wall = clock.Elapsed.TotalSeconds;
    var cpu = timed ? File.ReadAllText(times).Split(' ', '\n').Where(t => t.Length > 0).Sum(t => double.Parse(t, CultureInfo.InvariantCulture)) : double.NaN;
    return (wall, new FileInfo(zipPath).Length, cpu);
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
