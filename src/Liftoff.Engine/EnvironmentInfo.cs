using System.Runtime.InteropServices;
using Liftoff.Engine.IO;

namespace Liftoff.Engine;

/// <summary>The platform and environment a build runs in, as NUKE's <c>EnvironmentInfo</c> (also <c>using static</c>).</summary>
public static class EnvironmentInfo
{
    public static bool IsWin => OperatingSystem.IsWindows();
    public static bool IsOsx => OperatingSystem.IsMacOS();
    public static bool IsLinux => OperatingSystem.IsLinux();
    public static bool IsUnix => !OperatingSystem.IsWindows();
    public static bool Is64Bit => Environment.Is64BitOperatingSystem;
    public static bool IsArm64 => RuntimeInformation.OSArchitecture == Architecture.Arm64;
    public static string NewLine => Environment.NewLine;
    public static AbsolutePath WorkingDirectory => AbsolutePath.Create(Directory.GetCurrentDirectory());

    /// <summary>The run's environment variables (an in-process run sees the ones it was given).</summary>
    public static IReadOnlyDictionary<string, string> Variables => Internal.BuildContext.Current.Environment;

    /// <summary>A variable converted to T (string, bool, int, long), or T's default when unset or empty.</summary>
    public static T? GetVariable<T>(string name)
    {
        var text = Internal.BuildContext.Current.Variable(name);
        if (text is null) return default;
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(text, type, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string? GetVariable(string name) => Internal.BuildContext.Current.Variable(name);
}
