using System.Linq.Expressions;

namespace Liftoff.Engine;

/// <summary>The fluent definition of a target, shaped like NUKE's.</summary>
public interface ITargetDefinition
{
    /// <summary>The target's name (its property's name).</summary>
    string Name { get; }

    ITargetDefinition Description(string description);

    /// <summary>These targets run first, whenever this one is planned.</summary>
    ITargetDefinition DependsOn(params Target[] targets);
    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets);

    /// <summary>This target runs first whenever one of those is planned.</summary>
    ITargetDefinition DependentFor(params Target[] targets);
    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets);

    /// <summary>Ordering only: when both are planned, this one runs after those.</summary>
    ITargetDefinition After(params Target[] targets);
    ITargetDefinition After<T>(params Func<T, Target>[] targets);

    /// <summary>Ordering only: when both are planned, this one runs before those.</summary>
    ITargetDefinition Before(params Target[] targets);
    ITargetDefinition Before<T>(params Func<T, Target>[] targets);

    /// <summary>Those targets are planned after this one whenever this one is.</summary>
    ITargetDefinition Triggers(params Target[] targets);
    ITargetDefinition Triggers<T>(params Func<T, Target>[] targets);

    /// <summary>This target is planned after any of those whenever they are.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);
    ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets);

    /// <summary>Evaluated when the plan is made: false skips this target (only this one).</summary>
    ITargetDefinition OnlyWhenStatic(params Func<bool>[] conditions);

    /// <summary>Evaluated just before the target would run: false skips it.</summary>
    ITargetDefinition OnlyWhenDynamic(params Func<bool>[] conditions);

    /// <summary>A parameter that must have a value before anything runs, e.g. <c>Requires(() =&gt; Env)</c>.</summary>
    ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters);

    /// <summary>A condition that must hold before anything runs.</summary>
    ITargetDefinition Requires(params Expression<Func<bool>>[] conditions);

    /// <summary>When this target fails, the build still runs the targets that do not depend on it.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even after another target failed (clean-up, reports).</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hidden from --help.</summary>
    ITargetDefinition Unlisted();

    ITargetDefinition Executes(params Action[] actions);
    ITargetDefinition Executes(Func<Task> action);
    ITargetDefinition Executes(Func<CancellationToken, Task> action);

    /// <summary>An action whose result is ignored, e.g. <c>Executes(() =&gt; DotNetBuild(...))</c>; a Task result is awaited.</summary>
    ITargetDefinition Executes<T>(Func<T> action);

    /// <summary>Like DependsOn, but ignored when the build does not implement T (NUKE's optional component links).</summary>
    ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets);
    ITargetDefinition TryDependentFor<T>(params Func<T, Target>[] targets);
    ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets);
    ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets);
    ITargetDefinition TryTriggers<T>(params Func<T, Target>[] targets);
    ITargetDefinition TryTriggeredBy<T>(params Func<T, Target>[] targets);

    /// <summary>Files this target produces (globs allowed), for CI to keep between jobs: <c>Produces(ArtifactsDirectory / "*.nupkg")</c>.</summary>
    ITargetDefinition Produces(params string[] artifacts);

    /// <summary>This target uses what those targets produce.</summary>
    ITargetDefinition Consumes(params Target[] targets);
    ITargetDefinition Consumes<T>(params Func<T, Target>[] targets);
    ITargetDefinition Consumes(Target target, params string[] artifacts);

    /// <summary>
    /// NUKE's choice of whether a skipped target's dependencies still run. Accepted; here a skipped target never
    /// skips its dependencies (README, planning rule 3).
    /// </summary>
    ITargetDefinition WhenSkipped(DependencyBehavior dependencyBehavior);

    /// <summary>NUKE's partition size for CI generation; recorded for it, no effect on a run.</summary>
    ITargetDefinition Partition(int size);
}

/// <summary>NUKE's behaviour of a skipped target's dependencies (see <see cref="ITargetDefinition.WhenSkipped"/>).</summary>
public enum DependencyBehavior
{
    Skip,
    Execute,
}
