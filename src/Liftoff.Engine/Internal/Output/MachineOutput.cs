using Liftoff.Engine.Internal.Cli;
using Liftoff.Engine.Internal.Parameters;

namespace Liftoff.Engine.Internal.Output;

/// <summary>
/// Whether this run asks for machine-readable output: a [MachineOutput] parameter named on the command line
/// and not set to false (<c>--json</c>). Decided from the command line alone because the console must exist
/// before the parameters are read: a mistake in them is reported on it, and stays off stdout too.
/// </summary>
internal static class MachineOutput
{
    public static bool IsRequested(IReadOnlyList<string> arguments, IReadOnlyList<ParameterDescriptor> descriptors)
    {
        if (!descriptors.Any(d => d.IsMachineOutput)) return false;
        var commandLine = CommandLine.Parse(arguments);
        return descriptors.Where(d => d.IsMachineOutput).Any(d => IsOn(commandLine, Naming.ToKebabCase(d.Name)));
    }

    /// <summary><c>--json</c> alone is on, as a bool flag is; <c>--json false</c> is not.</summary>
    private static bool IsOn(CommandLine commandLine, string option)
    {
        if (!commandLine.Has(option)) return false;
        var values = commandLine.Values(option);
        return values.Count == 0 || !bool.TryParse(values[0], out var on) || on;
    }
}
