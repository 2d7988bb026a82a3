using System.ComponentModel;
using Liftoff.Engine.Tooling;

namespace Liftoff.Engine.Tools.DotNet;

/// <summary>The dotnet CLI's <c>--verbosity</c> levels.</summary>
[TypeConverter(typeof(TypeConverter<DotNetVerbosity>))]
public sealed class DotNetVerbosity : Enumeration
{
    public static readonly DotNetVerbosity Quiet = new() { Value = "quiet" };
    public static readonly DotNetVerbosity Minimal = new() { Value = "minimal" };
    public static readonly DotNetVerbosity Normal = new() { Value = "normal" };
    public static readonly DotNetVerbosity Detailed = new() { Value = "detailed" };
    public static readonly DotNetVerbosity Diagnostic = new() { Value = "diagnostic" };
}

/// <summary>
/// NUKE maps its own --verbosity onto the dotnet CLI's with this attribute. Accepted and without effect here: every
/// dotnet call takes the verbosity its settings give, or the CLI's default.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DotNetVerbosityMappingAttribute : Attribute;
