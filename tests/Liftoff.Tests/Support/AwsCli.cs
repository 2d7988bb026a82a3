using System.Diagnostics;
using System.Text.Json;

namespace Liftoff.Tests.Support;

/// <summary>The preinstalled AWS CLI pointed at a test's moto: an independent reader of what Liftoff wrote.</summary>
public sealed class AwsCli(string endpoint, string region)
{
    public AwsCli(MotoFixture moto) : this(moto.Endpoint, moto.Region)
    {
    }

    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        var text = await RunAsync(args);
        return string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<string> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(endpoint);
        start.ArgumentList.Add("--region");
        start.ArgumentList.Add(region);
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"aws {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
