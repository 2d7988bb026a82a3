using System.Runtime.CompilerServices;

namespace Liftoff.Engine.Tests.Support;

/// <summary>A build for tests: each target appends its name to <see cref="Ran"/> when it executes.</summary>
public abstract class TestBuild : LiftoffBuild
{
    public List<string> Ran { get; } = [];

    /// <summary>The body of a target that only records that it ran: <c>Target A =&gt; _ =&gt; _.Executes(Record());</c></summary>
    protected Action Record([CallerMemberName] string target = "") => () =>
    {
        lock (Ran) Ran.Add(target);
    };

    /// <summary>The body of a target that records that it ran, then fails with the given message.</summary>
    protected Action Fail(string message, [CallerMemberName] string target = "") => () =>
    {
        Record(target)();
        throw new InvalidOperationException(message);
    };
}
