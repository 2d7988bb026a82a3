namespace Liftoff.Engine.Tools.DotNet;

// One settings type per dotnet command, as in NUKE; each names its words and the options it takes.
// MSBuild properties (SetProperty, SetVersion) go to every command that builds or evaluates projects.

public sealed class DotNetRestoreSettings() : DotNetSettings(["restore"],
    DotNetOption.ProjectFile | DotNetOption.Runtime | DotNetOption.Verbosity | DotNetOption.Properties | DotNetOption.Sources);

public sealed class DotNetBuildSettings() : DotNetSettings(["build"],
    ProjectBuild | DotNetOption.NoRestore | DotNetOption.VersionSuffix | DotNetOption.Sources | DotNetOption.SelfContained);

public sealed class DotNetTestSettings() : DotNetSettings(["test"],
    ProjectBuild | DotNetOption.NoRestore | DotNetOption.NoBuild | DotNetOption.Loggers | DotNetOption.ResultsDirectory | DotNetOption.Filter);

public sealed class DotNetPackSettings() : DotNetSettings(["pack"],
    (ProjectBuild & ~DotNetOption.Framework) | DotNetOption.NoRestore | DotNetOption.NoBuild | DotNetOption.VersionSuffix);

public sealed class DotNetPublishSettings() : DotNetSettings(["publish"],
    ProjectBuild | DotNetOption.NoRestore | DotNetOption.NoBuild | DotNetOption.VersionSuffix | DotNetOption.SelfContained);

public sealed class DotNetRunSettings() : DotNetSettings(["run"],
    (ProjectBuild & ~DotNetOption.OutputDirectory) | DotNetOption.NoRestore | DotNetOption.NoBuild | DotNetOption.ApplicationArguments);

public sealed class DotNetToolRestoreSettings() : DotNetSettings(["tool", "restore"], DotNetOption.Verbosity);

public sealed class DotNetNuGetPushSettings() : DotNetSettings(["nuget", "push"],
    DotNetOption.TargetPath | DotNetOption.Sources | DotNetOption.ApiKey | DotNetOption.SkipDuplicate);

public sealed class DotNetCleanSettings() : DotNetSettings(["clean"], ProjectBuild);
