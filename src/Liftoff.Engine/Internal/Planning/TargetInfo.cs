namespace Liftoff.Engine.Internal.Planning;


/// <summary>A target with its references resolved to other targets of the same build.</summary>
internal sealed class TargetInfo(string name, int declarationIndex, TargetDefinition definition)
{
    public string Name { get; } = name;
    public int DeclarationIndex { get; } = declarationIndex;
    public TargetDefinition Definition { get; } = definition;
    public string? Description => Definition.DescriptionText;

    /// <summary>The public face of this target in the run (its status, duration and summary), created when it is read.</summary>
    public global::Liftoff.Engine.Execution.ExecutableTarget Executable => _executable ??= new(Name, Description);
    private global::Liftoff.Engine.Execution.ExecutableTarget? _executable;

    public List<TargetInfo> DependsOn { get; } = [];
    public List<TargetInfo> After { get; } = [];
    public List<TargetInfo> Triggers { get; } = [];

    public override string ToString() => Name;
}
