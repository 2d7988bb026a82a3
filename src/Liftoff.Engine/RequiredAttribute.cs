namespace Liftoff.Engine;

/// <summary>
/// The member must have a value before any target runs, as NUKE's: <c>[Required] [Solution] readonly Solution Solution;</c>
/// or a <c>[Required] [Parameter]</c>. A missing value is a usage error (exit 2) that says how to give it.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;
