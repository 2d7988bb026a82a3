// The tests' FaultInjectingProxy on a fixed port, in front of the local AWS, failing a share of requests:
//   dotnet run --project bench/reliability/FaultProxy -- <port> <moto endpoint> <percent> <summary.json>
// Runs until SIGTERM or SIGINT, then writes how many requests it saw, failed and let through, per fault and operation.
using System.Runtime.InteropServices;
using System.Text.Json;
using Liftoff.Tests.Aws;

var (port, moto, percent, summary) = (int.Parse(args[0]), args[1], int.Parse(args[2]), args[3]);
var kinds = new[] { Fault.Throttle, Fault.InternalError, Fault.Unavailable, Fault.Reset, Fault.LoseResponse };
await using var proxy = new FaultInjectingProxy(moto, FaultInjectingProxy.Spread(percent, kinds), port);
var stop = new TaskCompletionSource();
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
Console.WriteLine($"fault proxy on {proxy.Endpoint} -> {moto}, failing {percent}% of requests");
await stop.Task;

var log = proxy.Log;
await File.WriteAllTextAsync(summary, JsonSerializer.Serialize(new
{
    requests = log.Count,
    faults = log.Where(r => r.Fault != Fault.None).GroupBy(r => r.Fault.ToString()).ToDictionary(g => g.Key, g => g.Count()),
    reachedMoto = log.Where(r => r.ReachedMoto).GroupBy(r => r.Operation).ToDictionary(g => g.Key, g => g.Count()),
}, new JsonSerializerOptions { WriteIndented = true }));
