using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Liftoff.Aws.Runtime;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// AWS's own service models as the AWS CLI ships them (botocore's <c>data/&lt;service&gt;/&lt;version&gt;/service-2.json</c>,
/// gzipped in newer releases, with paginators-1.json and waiters-2.json beside them). The folder is found by
/// asking the installed CLI which model files it loads (its --debug log names them), which works for the
/// pip-installed v1 and the bundled v2 alike.
/// </summary>
public sealed partial class BotocoreData
{
    private readonly Dictionary<string, ServiceModel> _loaded = [];

    private BotocoreData(string directory, string cliVersion)
    {
        Directory = directory;
        CliVersion = cliVersion;
    }

    /// <summary>The folder holding one sub-folder per service.</summary>
    public string Directory { get; }

    /// <summary>`aws --version` of the CLI the models came from, for messages.</summary>
    public string CliVersion { get; }

    /// <summary>The `aws` executable on PATH, or null.</summary>
    public static string? FindCli() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { Path.Combine(dir, "aws"), Path.Combine(dir, "aws.exe"), Path.Combine(dir, "aws.cmd") })
            .FirstOrDefault(File.Exists);

    public static async Task<BotocoreData> LocateAsync(CancellationToken cancellationToken)
    {
        var cli = FindCli() ?? throw new InvalidOperationException("No `aws` on PATH.");
        // Generating a skeleton loads STS's model and sends nothing; --debug logs the path of every file loaded.
        var (log, version) = (await RunAsync(cli, ["--debug", "sts", "get-caller-identity", "--generate-cli-skeleton"], cancellationToken),
            (await RunAsync(cli, ["--version"], cancellationToken)).Trim());
        var loaded = LoadedModel().Match(log);
        if (!loaded.Success)
            throw new InvalidOperationException(
                $"{cli} ({version}) did not say where its service models are: no 'Loading JSON file: …/sts/<version>/service-2.json' in its --debug log.");
        return new BotocoreData(loaded.Groups["data"].Value, version);
    }

    /// <summary>The model whose metadata names this service and API version.</summary>
    public ServiceModel For(AwsServiceDefinition service)
    {
        lock (_loaded)
        {
            if (!_loaded.TryGetValue(service.ServiceId, out var model))
                _loaded[service.ServiceId] = model = Load(service);
            return model;
        }
    }

    private ServiceModel Load(AwsServiceDefinition service)
    {
        // Folder names are botocore's (cloudwatch, not monitoring); the serviceId inside decides.
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory).Order(StringComparer.Ordinal))
        {
            var versionFolder = Path.Combine(folder, service.ApiVersion);
            if (ReadJson(versionFolder, "service-2.json") is not { } document)
                continue;
            if (document.RootElement.GetProperty("metadata").GetProperty("serviceId").GetString() == service.ServiceId)
                return new ServiceModel(versionFolder, document.RootElement,
                    ReadJson(versionFolder, "paginators-1.json")?.RootElement, ReadJson(versionFolder, "waiters-2.json")?.RootElement);
        }
        throw new InvalidOperationException(
            $"The AWS CLI ({CliVersion}) has no model for {service.ServiceId} API {service.ApiVersion} under {Directory} " +
            $"(looked for <service>/{service.ApiVersion}/service-2.json with serviceId \"{service.ServiceId}\"). " +
            "Update the AWS CLI, or correct the ServiceId/ApiVersion of the client's AwsServiceDefinition.");
    }

    private static JsonDocument? ReadJson(string folder, string name)
    {
        var plain = Path.Combine(folder, name);
        if (File.Exists(plain))
            return JsonDocument.Parse(File.ReadAllBytes(plain));
        if (!File.Exists(plain + ".gz"))
            return null;
        using var gzip = new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
        return JsonDocument.Parse(gzip);
    }

    private static async Task<string> RunAsync(string cli, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The skeleton needs no credentials or region; keep a developer's profile out of it all the same.
        start.Environment.Remove("AWS_PROFILE");
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return await stdout + await stderr;
    }

    [GeneratedRegex(@"Loading JSON file: (?<data>.+?)[\\/]sts[\\/][^\\/]+[\\/]service-2\.json(\.gz)?\s*$", RegexOptions.Multiline)]
    private static partial Regex LoadedModel();
}
