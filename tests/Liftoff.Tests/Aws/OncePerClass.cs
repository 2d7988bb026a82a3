using System.Collections.Concurrent;

namespace Liftoff.Tests.Aws;

/// <summary>
/// A class fixture for set-up that a test class's moto needs once (an IAM role, a set of alarms):
/// xunit makes a new test-class instance per test, this object lives as long as the class's moto.
/// </summary>
public sealed class OncePerClass
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _done = new();

    public Task RunAsync(string key, Func<Task> setUp) => _done.GetOrAdd(key, _ => new Lazy<Task>(setUp)).Value;
}
