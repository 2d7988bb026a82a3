using System.Reflection;

namespace Liftoff.Engine.Internal.Planning;

/// <summary>
/// Every target of a build, found on the class and on the component interfaces it implements, with each
/// relation normalised to "runs before": DependentFor becomes the other side's DependsOn, Before the other
/// side's After, TriggeredBy the other side's Triggers.
/// </summary>
internal sealed class TargetGraph
{
    private readonly Dictionary<TargetInfo, MethodInfo> _methods;

    private TargetGraph(IReadOnlyList<TargetInfo> targets, Dictionary<TargetInfo, MethodInfo> methods)
    {
        Targets = targets;
        _methods = methods;
    }

    /// <summary>The target a delegate read from the build stands for.</summary>
    public TargetInfo Of(Target target) =>
        _methods.FirstOrDefault(entry => entry.Value == target.Method).Key
        ?? throw new BuildDefinitionException($"A default target ({target.Method.Name}) is not a target property of the build.");

    public IReadOnlyList<TargetInfo> Targets { get; }

    public TargetInfo? Find(string name) =>
        Targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public static TargetGraph Discover(object build)
    {
        var declared = DeclaredTargets(build.GetType())
            .Select((property, index) => (property, index, target: (Target)property.GetValue(build)!))
            .ToList();

        var byMethod = new Dictionary<MethodInfo, TargetInfo>();
        var infos = new List<TargetInfo>();
        foreach (var (property, index, target) in declared)
        {
            var definition = new TargetDefinition(build, property.Name);
            try
            {
                target(definition);
            }
            catch (Exception e)
            {
                throw new BuildDefinitionException($"The definition of target {property.Name} failed: {e.Message}");
            }
            var info = new TargetInfo(property.Name, index, definition);
            infos.Add(info);
            byMethod[target.Method] = info;
        }

        TargetInfo Resolve(TargetInfo from, Target reference) =>
            byMethod.TryGetValue(reference.Method, out var found)
                ? found
                : throw new BuildDefinitionException(
                    $"Target {from.Name} refers to a target that is not part of the build ({reference.Method.Name}): " +
                    "declare it as a Target property of the build or of an interface the build implements.");

        foreach (var info in infos)
        {
            var d = info.Definition;
            info.DependsOn.AddRange(d.DependsOnTargets.Select(t => Resolve(info, t)));
            foreach (var other in d.DependentForTargets.Select(t => Resolve(info, t))) other.DependsOn.Add(info);
            info.After.AddRange(d.AfterTargets.Select(t => Resolve(info, t)));
            foreach (var other in d.BeforeTargets.Select(t => Resolve(info, t))) other.After.Add(info);
            info.Triggers.AddRange(d.TriggersTargets.Select(t => Resolve(info, t)));
            foreach (var other in d.TriggeredByTargets.Select(t => Resolve(info, t))) other.Triggers.Add(info);
        }

        var graph = new TargetGraph(infos, byMethod.ToDictionary(e => e.Value, e => e.Key));
        graph.RejectCycles();
        return graph;
    }

    /// <summary>
    /// Properties of type Target on the class (declaration order) and then on each interface, where the
    /// class's own wins a name clash. Interface properties are read through the interface, so default
    /// implementations are called.
    /// </summary>
    private static IEnumerable<PropertyInfo> DeclaredTargets(Type type)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var classChain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType) classChain.Insert(0, t);

        IEnumerable<PropertyInfo> OwnTargets(Type t) => t
            .GetProperties(flags | BindingFlags.DeclaredOnly)
            .Where(p => p.PropertyType == typeof(Target) && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken);

        // Explicit implementations ("IDeploy.Deploy") are reached through the interface's own property below.
        foreach (var property in classChain.SelectMany(OwnTargets).Where(p => !p.Name.Contains('.')))
            if (seen.Add(property.Name)) yield return property;

        foreach (var face in type.GetInterfaces())
        foreach (var property in OwnTargets(face).Where(p => !p.Name.Contains('.')))
            if (seen.Add(property.Name)) yield return property;
    }

    /// <summary>Rejects a cycle through any "runs before" relation, naming it: Deploy -> Upload -> Deploy.</summary>
    private void RejectCycles()
    {
        var state = new Dictionary<TargetInfo, int>();
        var path = new Stack<TargetInfo>();

        void Visit(TargetInfo target)
        {
            state[target] = 1;
            path.Push(target);
            foreach (var next in Predecessors(target))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = path.Reverse().SkipWhile(t => t != next).Append(next).Select(t => t.Name);
                    throw new CycleException(string.Join(" -> ", cycle));
                }
                if (state.GetValueOrDefault(next) == 0) Visit(next);
            }
            path.Pop();
            state[target] = 2;
        }

        foreach (var target in Targets)
            if (state.GetValueOrDefault(target) == 0) Visit(target);
    }

    /// <summary>Targets that must come before this one when both are planned.</summary>
    public IEnumerable<TargetInfo> Predecessors(TargetInfo target) =>
        target.DependsOn.Concat(target.After).Concat(Targets.Where(t => t.Triggers.Contains(target)));
}

/// <summary>The build's targets cannot be planned as written: the build author's mistake, reported before anything runs.</summary>
internal class BuildDefinitionException(string message) : Exception(message);

internal sealed class CycleException(string cycle) : BuildDefinitionException($"The targets form a cycle: {cycle}")
{
    public string Cycle { get; } = cycle;
}
