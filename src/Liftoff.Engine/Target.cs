namespace Liftoff.Engine;

/// <summary>
/// A target, declared as an expression-bodied property: <c>Target Deploy =&gt; _ =&gt; _.DependsOn(Upload).Executes(...)</c>.
/// The engine identifies a target by the method behind the delegate, so every read of the property names the same target.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition _);
