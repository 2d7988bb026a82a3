using System.Linq.Expressions;

namespace Liftoff.Engine.Internal.Planning;

/// <summary>Records what a target's fluent definition says; references stay unresolved delegates until the graph is built.</summary>
internal sealed class TargetDefinition(object build, string name) : ITargetDefinition
{
    public string Name { get; } = name;
    public string? DescriptionText { get; private set; }
    public List<Target> DependsOnTargets { get; } = [];
    public List<Target> DependentForTargets { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<Func<bool>> StaticConditions { get; } = [];
    public List<Func<bool>> DynamicConditions { get; } = [];
    public List<Requirement> Requirements { get; } = [];
    public bool ProceedsAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public bool IsUnlisted { get; private set; }
    public List<Func<CancellationToken, Task>> Actions { get; } = [];
    public List<string> Produced { get; } = [];
    public List<(Target Target, string[] Artifacts)> ConsumedTargets { get; } = [];
    public DependencyBehavior SkippedDependencyBehavior { get; private set; } = DependencyBehavior.Execute;
    public int PartitionSize { get; private set; } = 1;

    public ITargetDefinition Description(string description) { DescriptionText = description; return this; }

    public ITargetDefinition DependsOn(params Target[] targets) => Add(DependsOnTargets, targets);
    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) => Add(DependsOnTargets, targets);
    public ITargetDefinition DependentFor(params Target[] targets) => Add(DependentForTargets, targets);
    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) => Add(DependentForTargets, targets);
    public ITargetDefinition After(params Target[] targets) => Add(AfterTargets, targets);
    public ITargetDefinition After<T>(params Func<T, Target>[] targets) => Add(AfterTargets, targets);
    public ITargetDefinition Before(params Target[] targets) => Add(BeforeTargets, targets);
    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) => Add(BeforeTargets, targets);
    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersTargets, targets);
    public ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) => Add(TriggersTargets, targets);
    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);
    public ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) => Add(TriggeredByTargets, targets);

    public ITargetDefinition OnlyWhenStatic(params Func<bool>[] conditions) { StaticConditions.AddRange(conditions); return this; }
    public ITargetDefinition OnlyWhenDynamic(params Func<bool>[] conditions) { DynamicConditions.AddRange(conditions); return this; }

    public ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters)
    {
        foreach (var parameter in parameters)
        {
            // Read once or twice a run: interpreting the expression costs less than compiling it.
            var read = parameter.Compile(preferInterpretation: true);
            Requirements.Add(new Requirement(
                MemberNameOf(parameter.Body),
                () => read() switch
                {
                    null => false,
                    string s => !string.IsNullOrWhiteSpace(s),
                    System.Collections.ICollection c => c.Count > 0,
                    _ => true,
                },
                IsParameter: true));
        }
        return this;
    }

    public ITargetDefinition Requires(params Expression<Func<bool>>[] conditions)
    {
        foreach (var condition in conditions)
            // A named condition (Requires(() => ExactlyOneAnswer)) reads better by its name than as an expression tree.
            Requirements.Add(new Requirement(condition.Body is MemberExpression member ? member.Member.Name : condition.Body.ToString(),
                condition.Compile(preferInterpretation: true), IsParameter: false));
        return this;
    }

    public ITargetDefinition ProceedAfterFailure() { ProceedsAfterFailure = true; return this; }
    public ITargetDefinition AssuredAfterFailure() { IsAssuredAfterFailure = true; return this; }
    public ITargetDefinition Unlisted() { IsUnlisted = true; return this; }

    public ITargetDefinition Executes(params Action[] actions)
    {
        foreach (var action in actions) Actions.Add(_ => { action(); return Task.CompletedTask; });
        return this;
    }

    public ITargetDefinition Executes<T>(Func<T> action)
    {
        Actions.Add(_ => action() is Task task ? task : Task.CompletedTask);
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        Actions.Add(_ => action());
        return this;
    }

    public ITargetDefinition Executes(Func<CancellationToken, Task> action)
    {
        Actions.Add(action);
        return this;
    }

    public ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets) => TryAdd(DependsOnTargets, targets);
    public ITargetDefinition TryDependentFor<T>(params Func<T, Target>[] targets) => TryAdd(DependentForTargets, targets);
    public ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets) => TryAdd(AfterTargets, targets);
    public ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets) => TryAdd(BeforeTargets, targets);
    public ITargetDefinition TryTriggers<T>(params Func<T, Target>[] targets) => TryAdd(TriggersTargets, targets);
    public ITargetDefinition TryTriggeredBy<T>(params Func<T, Target>[] targets) => TryAdd(TriggeredByTargets, targets);

    public ITargetDefinition Produces(params string[] artifacts) { Produced.AddRange(artifacts); return this; }

    public ITargetDefinition Consumes(params Target[] targets)
    {
        ConsumedTargets.AddRange(targets.Select(t => (t, Array.Empty<string>())));
        return this;
    }

    public ITargetDefinition Consumes<T>(params Func<T, Target>[] targets)
    {
        var resolved = new List<Target>();
        Add(resolved, targets);
        return Consumes([.. resolved]);
    }

    public ITargetDefinition Consumes(Target target, params string[] artifacts)
    {
        ConsumedTargets.Add((target, artifacts));
        return this;
    }

    public ITargetDefinition WhenSkipped(DependencyBehavior dependencyBehavior) { SkippedDependencyBehavior = dependencyBehavior; return this; }
    public ITargetDefinition Partition(int size) { PartitionSize = size; return this; }

    private TargetDefinition TryAdd<T>(List<Target> list, Func<T, Target>[] targets) => build is T ? Add(list, targets) : this;

    private TargetDefinition Add(List<Target> list, Target[] targets)
    {
        list.AddRange(targets);
        return this;
    }

    private TargetDefinition Add<T>(List<Target> list, Func<T, Target>[] targets)
    {
        if (build is not T typed)
            throw new InvalidOperationException(
                $"it refers to {typeof(T).Name}, which the build does not implement; add {typeof(T).Name} to the build class's interfaces.");
        list.AddRange(targets.Select(select => select(typed)));
        return this;
    }

    internal static string MemberNameOf(Expression body) => body switch
    {
        MemberExpression member => member.Member.Name,
        UnaryExpression { NodeType: ExpressionType.Convert } convert => MemberNameOf(convert.Operand),
        _ => body.ToString(),
    };
}

/// <summary>A requirement checked before anything runs; IsParameter makes the message say how to give it.</summary>
internal sealed record Requirement(string Name, Func<bool> IsMet, bool IsParameter);
