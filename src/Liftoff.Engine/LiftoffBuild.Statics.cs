using Liftoff.Engine.CI;
using Liftoff.Engine.Internal;
using Liftoff.Engine.IO;

namespace Liftoff.Engine;

/// <summary>
/// NUKE's static context. Static, as in NUKE, so field initializers can use it
/// (<c>readonly Configuration Configuration = IsLocalBuild ? Configuration.Debug : Configuration.Release;</c>); each
/// answer belongs to the run of the calling code (see BuildContext), or to the process outside a run.
/// </summary>
public abstract partial class LiftoffBuild
{
    /// <summary>The repository root: the nearest folder upwards holding .nuke, or --root.</summary>
    public static AbsolutePath RootDirectory => BuildContext.Current.RootDirectory;

    /// <summary>.nuke/temp: caches and state a build keeps between runs; never committed.</summary>
    public static AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <summary>The folder of the running build assembly (build/bin/...).</summary>
    public static AbsolutePath BuildAssemblyDirectory => AbsolutePath.Create(AppContext.BaseDirectory);

    /// <summary>The build project's folder: the nearest folder above the assembly holding a .csproj, else build/ under the root.</summary>
    public static AbsolutePath BuildProjectDirectory
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
                if (directory.EnumerateFiles("*.csproj").Any()) return AbsolutePath.Create(directory.FullName);
            return RootDirectory / "build";
        }
    }

    /// <summary>On a CI service (GitHub Actions, CodeBuild, or any that sets CI=true).</summary>
    public static bool IsServerBuild => BuildContext.Current.Host.IsCi;

    public static bool IsLocalBuild => !IsServerBuild;

    /// <summary>--verbosity: how much the log shows.</summary>
    public static Verbosity Verbosity => BuildContext.Current.Verbosity;

    /// <summary>--partition: which part of a split CI job this run is.</summary>
    public Partition Partition { get; internal set; } = Partition.Single;

    /// <summary>--continue: this run resumes the last failed run with the same arguments.</summary>
    public bool Continue { get; internal set; }
}
