using Liftoff.Engine;
using Spectre.Console;

namespace Liftoff.Components;

/// <summary>The body of a declared stage whose implementation has not landed yet.</summary>
internal static class NotBuiltYet
{
    public static Task Fail(string target) =>
        throw new NotSupportedException($"{target} is not built yet: the target is declared so the pipeline's graph is complete, but it does nothing so far.");

    /// <summary>
    /// Named on the command line, the stage fails; reached only as a trigger (Deploy triggers SmokeTest), it says
    /// plainly that nothing was checked and lets the deploy's own result stand.
    /// </summary>
    public static Task FailOrWarn(ILiftoffBuild build, string target)
    {
        if (build.InvokedTargets.Contains(target)) return Fail(target);
        build.Console.MarkupLine($"[yellow]{target} is not built yet: nothing was checked or changed by it.[/]");
        return Task.CompletedTask;
    }
}
