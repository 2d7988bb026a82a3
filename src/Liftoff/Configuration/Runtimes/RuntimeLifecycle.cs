using System.Globalization;
using System.Text.Json;

namespace Liftoff.Configuration.Runtimes;

/// <summary>
/// AWS's Lambda runtime lifecycle (deprecation, create-block and update-block dates, successor), read from
/// the data file cfn-lint ships and keeps current, rather than from a list in code that would go stale with
/// every AWS announcement. Judges a runtime on a given day: supported, deprecated (a warning with the block
/// date), blocked (refused, naming the successor) or unknown. Without the data (no cfn-lint on the machine)
/// every runtime is "unchecked" and <see cref="Unavailable"/> says why.
/// </summary>
public sealed class RuntimeLifecycle
{
    /// <summary>The file inside cfn-lint's package data folder (cfnlint/data).</summary>
    public const string DataFile = "AdditionalSpecs/LmbdRuntimeLifecycle.json";

    private readonly IReadOnlyDictionary<string, RuntimeDates> _runtimes;

    private RuntimeLifecycle(IReadOnlyDictionary<string, RuntimeDates> runtimes, string? source, string? unavailable)
    {
        _runtimes = runtimes;
        Source = source;
        Unavailable = unavailable;
    }

    /// <summary>The data file read, or null when there is none.</summary>
    public string? Source { get; }

    /// <summary>Why there is no lifecycle data (cfn-lint absent, file unreadable); null when there is.</summary>
    public string? Unavailable { get; }

    public static RuntimeLifecycle Missing(string reason) =>
        new(new Dictionary<string, RuntimeDates>(), null, reason);

    /// <summary>The lifecycle data of the cfn-lint installed here, or <see cref="Missing"/> saying why there is none.</summary>
    /// <param name="searchPath">Where to look for cfn-lint, as PATH writes it; this process's PATH when null.</param>
    /// <param name="cacheFile">Where to remember where the data is for this cfn-lint; null looks every time.</param>
    public static async Task<RuntimeLifecycle> FromCfnLintAsync(CancellationToken cancellationToken, string? searchPath = null, string? cacheFile = null)
    {
        var (path, problem) = await CfnLintData.FindAsync(DataFile, cancellationToken, searchPath, cacheFile);
        return path is null ? Missing(problem!) : await LoadAsync(path, cancellationToken);
    }

    /// <summary>Reads a file shaped like cfn-lint's: { "nodejs22.x": { "deprecated": "2027-04-30", "create-block": …, "update-block": …, "successor": "nodejs24.x" } }.</summary>
    public static async Task<RuntimeLifecycle> LoadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            var runtimes = new Dictionary<string, RuntimeDates>(StringComparer.Ordinal);
            foreach (var runtime in document.RootElement.EnumerateObject())
                runtimes[runtime.Name] = new RuntimeDates(
                    Date(runtime.Value, "deprecated"), Date(runtime.Value, "create-block"), Date(runtime.Value, "update-block"),
                    runtime.Value.TryGetProperty("successor", out var successor) && successor.ValueKind == JsonValueKind.String ? successor.GetString() : null);
            return new RuntimeLifecycle(runtimes, path, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return Missing($"cannot read {path}: {e.Message}");
        }
    }

    /// <summary>The Node.js and Python runtimes functions can be created on that day, sorted (nodejs22.x, nodejs24.x, python3.12…).</summary>
    public IReadOnlyList<string> Creatable(DateOnly today) =>
        _runtimes.Where(r => r.Value.CreateBlock > today && LambdaRuntime.Parse(r.Key) is not null)
            .Select(r => LambdaRuntime.Parse(r.Key)!)
            .OrderBy(r => r.Language).ThenBy(r => r.Version)
            .Select(r => r.Id)
            .ToList();

    public RuntimeVerdict Judge(string runtime, DateOnly today)
    {
        if (Unavailable is not null) return new RuntimeVerdict(RuntimeStanding.Unchecked, Unavailable);
        if (!_runtimes.TryGetValue(runtime, out var dates)) return Unknown(runtime, today);
        var instead = dates.Successor is { } successor ? $"use {successor}" : $"use one of {string.Join(", ", Creatable(today))}";
        if (dates.CreateBlock <= today)
        {
            var updates = dates.UpdateBlock > today ? $"; existing functions can be updated until {Text(dates.UpdateBlock)}" : "";
            return new RuntimeVerdict(RuntimeStanding.Blocked,
                $"AWS no longer lets functions be created on {runtime} (blocked since {Text(dates.CreateBlock)}{updates}); {instead}");
        }
        if (dates.Deprecated <= today)
            return new RuntimeVerdict(RuntimeStanding.Deprecated,
                $"{runtime} is deprecated since {Text(dates.Deprecated)}: AWS blocks creating functions on it from {Text(dates.CreateBlock)} " +
                $"and updating them from {Text(dates.UpdateBlock)}; {instead.Replace("use ", "move to ")}");
        return new RuntimeVerdict(RuntimeStanding.Supported, $"{runtime} is supported until {Text(dates.Deprecated)}");
    }

    private RuntimeVerdict Unknown(string runtime, DateOnly today)
    {
        var creatable = Creatable(today);
        var nearest = Engine.Suggestions.Nearest(runtime, creatable);
        var message = $"{runtime} is not in AWS's list of Lambda runtimes ({Source}); " +
                      (nearest is null ? "" : $"did you mean '{nearest}'? ") +
                      $"Node.js and Python runtimes you can create today: {string.Join(", ", creatable)}";
        // A runtime AWS announced after this cfn-lint was released: the list, not the runtime, is out of date.
        if (LambdaRuntime.Parse(runtime) is { } parsed &&
            creatable.Select(LambdaRuntime.Parse).All(known => known!.Language != parsed.Language || known.Version < parsed.Version))
            message += ". If AWS released it after this cfn-lint, upgrade cfn-lint (pip install --upgrade cfn-lint)";
        return new RuntimeVerdict(RuntimeStanding.Unknown, message);
    }

    private static DateOnly Date(JsonElement runtime, string name) =>
        DateOnly.ParseExact(runtime.GetProperty(name).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
