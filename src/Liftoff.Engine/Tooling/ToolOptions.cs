using System.Collections.Immutable;

namespace Liftoff.Engine.Tooling;

/// <summary>
/// The base of a tool's fluent settings, as NUKE's: every setter returns a changed copy, so a settings value can be
/// shared, combined (<see cref="ToolOptionsExtensions.CombineWith{T,TValue}"/>) and reused safely.
/// </summary>
public abstract class ToolOptions
{
    public string? ProcessToolPath { get; internal set; }
    public string? ProcessWorkingDirectory { get; internal set; }
    public ImmutableDictionary<string, string> ProcessEnvironmentVariables { get; internal set; } = ImmutableDictionary<string, string>.Empty;
    public int? ProcessExecutionTimeout { get; internal set; }
    public bool? ProcessLogOutput { get; internal set; }
    public bool? ProcessLogInvocation { get; internal set; }

    internal T With<T>(Action<T> change) where T : ToolOptions
    {
        var copy = (T)MemberwiseClone();
        change(copy);
        return copy;
    }
}

public static class ToolOptionsExtensions
{
    /// <summary>Applies the change only when the condition holds: <c>.When(IsServerBuild, _ =&gt; _.EnableNoRestore())</c>.</summary>
    public static T When<T>(this T settings, bool condition, Configure<T> configurator) where T : ToolOptions =>
        condition ? configurator(settings) : settings;

    public static T When<T>(this T settings, Func<T, bool> condition, Configure<T> configurator) where T : ToolOptions =>
        condition(settings) ? configurator(settings) : settings;

    /// <summary>One settings value per item: <c>.CombineWith(TestProjects, (_, p) =&gt; _.SetProjectFile(p))</c>.</summary>
    public static IEnumerable<T> CombineWith<T, TValue>(this T settings, IEnumerable<TValue> values, Func<T, TValue, T> configurator)
        where T : ToolOptions =>
        values.Select(value => configurator(settings, value)).ToList();

    public static IEnumerable<T> CombineWith<T>(this T settings, params Configure<T>[] configurators) where T : ToolOptions =>
        configurators.Select(configure => configure(settings)).ToList();

    public static T SetProcessToolPath<T>(this T settings, string toolPath) where T : ToolOptions =>
        settings.With<T>(s => s.ProcessToolPath = toolPath);

    public static T SetProcessWorkingDirectory<T>(this T settings, string directory) where T : ToolOptions =>
        settings.With<T>(s => s.ProcessWorkingDirectory = directory);

    public static T SetProcessEnvironmentVariable<T>(this T settings, string name, string value) where T : ToolOptions =>
        settings.With<T>(s => s.ProcessEnvironmentVariables = s.ProcessEnvironmentVariables.SetItem(name, value));

    public static T SetProcessExecutionTimeout<T>(this T settings, int? milliseconds) where T : ToolOptions =>
        settings.With<T>(s => s.ProcessExecutionTimeout = milliseconds);

    public static T SetProcessLogOutput<T>(this T settings, bool? logOutput) where T : ToolOptions =>
        settings.With<T>(s => s.ProcessLogOutput = logOutput);

    public static T DisableProcessLogOutput<T>(this T settings) where T : ToolOptions => settings.SetProcessLogOutput(false);

    public static T EnableProcessLogOutput<T>(this T settings) where T : ToolOptions => settings.SetProcessLogOutput(true);

    public static T SetProcessLogInvocation<T>(this T settings, bool? logInvocation) where T : ToolOptions =>
        settings.With<T>(s => s.ProcessLogInvocation = logInvocation);
}
