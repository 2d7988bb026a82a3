namespace Liftoff.Components;

/// <summary>The failure of a declared stage whose implementation has not landed yet.</summary>
internal static class NotBuiltYet
{
    public static Task Fail(string target) =>
        throw new NotSupportedException($"{target} is not built yet: the target is declared so the pipeline's graph is complete, but it does nothing so far.");
}
