namespace Liftoff.Engine.Internal.Planning;

/// <summary>
/// Turns the requested targets into an ordered plan. The rules (also in README.md):
/// 1. The plan holds the requested targets, their DependsOn targets, and every target triggered by a planned one, transitively.
/// 2. A target runs after every planned target it depends on, is ordered after, or is triggered by.
/// 3. Among targets free to run, the one declared first runs first, so the order never changes between runs.
/// 4. A bare --skip skips every planned target that was not named; --skip A B skips A and B. A skipped target
///    keeps its place: the targets after it still run.
/// 5. OnlyWhenStatic is evaluated here: false skips that target alone.
/// </summary>
internal static class ExecutionPlanner
{
    public static ExecutionPlan Plan(TargetGraph graph, IReadOnlyList<TargetInfo> requested, SkipRequest skip)
    {
        var planned = new HashSet<TargetInfo>();
        var pending = new Stack<TargetInfo>(requested);
        while (pending.Count > 0)
        {
            var target = pending.Pop();
            if (!planned.Add(target)) continue;
            foreach (var next in target.DependsOn.Concat(target.Triggers)) pending.Push(next);
        }

        var ordered = new List<TargetInfo>();
        var placed = new HashSet<TargetInfo>();
        while (placed.Count < planned.Count)
        {
            // The graph is acyclic (checked at discovery), so some planned target always has its predecessors placed.
            var next = planned
                .Where(t => !placed.Contains(t) && graph.Predecessors(t).Where(planned.Contains).All(placed.Contains))
                .OrderBy(t => Rank(t, requested, graph, planned))
                .ThenBy(t => t.DeclarationIndex)
                .First();
            ordered.Add(next);
            placed.Add(next);
        }

        var requestedSet = requested.ToHashSet();
        var skipped = new HashSet<TargetInfo>();
        if (skip.All) skipped.UnionWith(planned.Where(t => !requestedSet.Contains(t)));
        skipped.UnionWith(skip.Names.Select(graph.Find).OfType<TargetInfo>().Where(t => planned.Contains(t) && !requestedSet.Contains(t)));
        skipped.UnionWith(planned.Where(t => !Evaluate(t, "OnlyWhenStatic condition", () => t.Definition.StaticConditions.All(c => c()))));

        return new ExecutionPlan(ordered, requestedSet, skipped);
    }

    /// <summary>
    /// Runs a target's own predicate before anything executes, naming the target when it throws. A requirement that
    /// throws says why the target cannot run (a configuration error, an unset variable), in its own words.
    /// </summary>
    public static bool Evaluate(TargetInfo target, string what, Func<bool> predicate)
    {
        try
        {
            return predicate();
        }
        catch (Exception e)
        {
            throw new ConditionException(what == "requirement"
                ? $"Target {target.Name} cannot run: {e.Message}"
                : $"Target {target.Name}: its {what} threw: {e.Message}");
        }
    }

    /// <summary>
    /// Targets serving an earlier-named request come first: `Test Package` runs Test's chain before Package's,
    /// as the user wrote it, when nothing else orders them.
    /// </summary>
    private static int Rank(TargetInfo target, IReadOnlyList<TargetInfo> requested, TargetGraph graph, HashSet<TargetInfo> planned)
    {
        for (var i = 0; i < requested.Count; i++)
            if (Reaches(requested[i], target, planned)) return i;
        return requested.Count;
    }

    private static bool Reaches(TargetInfo from, TargetInfo to, HashSet<TargetInfo> planned)
    {
        var seen = new HashSet<TargetInfo>();
        var pending = new Stack<TargetInfo>([from]);
        while (pending.Count > 0)
        {
            var t = pending.Pop();
            if (t == to) return true;
            if (!seen.Add(t)) continue;
            foreach (var next in t.DependsOn.Concat(t.Triggers).Where(planned.Contains)) pending.Push(next);
        }
        return false;
    }
}

/// <summary>A target's OnlyWhenStatic or Requires predicate threw while the plan was made; the build fails before running anything.</summary>
internal sealed class ConditionException(string message) : Exception(message);

/// <summary>--skip with no names (All) or with names.</summary>
internal sealed record SkipRequest(bool All, IReadOnlyList<string> Names)
{
    public static SkipRequest None { get; } = new(false, []);
}
