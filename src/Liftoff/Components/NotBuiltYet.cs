using Liftoff.Engine;
using Spectre.Console;

namespace Liftoff.Components;

/// <summary>The body of a declared stage whose implementation has not landed yet.</summary>
internal static class NotBuiltYet
{
    public static Task Fail(string target) =>
        throw new NotSupportedException($"{target} is not built yet: the target is declared so the pipeline's graph is complete, but it does nothing so far.");

    /// <summary>
    /// For OnlyWhenDynamic: named on the command line, the stage runs (and fails); reached only as a trigger
    /// (Deploy triggers SmokeTest), it is skipped with a line saying nothing was checked, so the deploy's own
    /// result stands and the summary does not claim a check that never happened.
    /// </summary>
    public static bool RunOnlyWhenInvoked(ILiftoffBuild build, string target)
    {
        if (build.InvokedTargets.Any(t => t.Name == target)) return true;
        build.Console.MarkupLine($"[yellow]{target} is not built yet: skipped, nothing was checked or changed by it.[/]");
        return false;
    }
}
