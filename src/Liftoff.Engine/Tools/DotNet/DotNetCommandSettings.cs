namespace Liftoff.Engine.Tools.DotNet;

// One settings type per dotnet command, as in NUKE; each says which options the command takes.
// MSBuild properties (SetProperty, SetVersion) go to every command that builds or evaluates projects.

public sealed class DotNetRestoreSettings : DotNetSettings
{
    private protected override string[] Command => ["restore"];
    private protected override DotNetOption Supported => DotNetOption.ProjectFile | DotNetOption.Runtime | DotNetOption.Verbosity |
                                                         DotNetOption.Properties | DotNetOption.Sources;
}

public sealed class DotNetBuildSettings : DotNetSettings
{
    private protected override string[] Command => ["build"];
    private protected override DotNetOption Supported => DotNetOption.ProjectFile | DotNetOption.Configuration | DotNetOption.Framework |
                                                         DotNetOption.Runtime | DotNetOption.OutputDirectory | DotNetOption.Verbosity |
                                                         DotNetOption.Properties | DotNetOption.NoRestore | DotNetOption.VersionSuffix |
                                                         DotNetOption.Sources | DotNetOption.SelfContained;
}

public sealed class DotNetTestSettings : DotNetSettings
{
    private protected override string[] Command => ["test"];
    private protected override DotNetOption Supported => DotNetOption.ProjectFile | DotNetOption.Configuration | DotNetOption.Framework |
                                                         DotNetOption.Runtime | DotNetOption.OutputDirectory | DotNetOption.Verbosity |
                                                         DotNetOption.Properties | DotNetOption.NoRestore | DotNetOption.NoBuild |
                                                         DotNetOption.Loggers | DotNetOption.ResultsDirectory | DotNetOption.Filter;
}

public sealed class DotNetPackSettings : DotNetSettings
{
    private protected override string[] Command => ["pack"];
    private protected override DotNetOption Supported => DotNetOption.ProjectFile | DotNetOption.Configuration | DotNetOption.Runtime |
                                                         DotNetOption.OutputDirectory | DotNetOption.Verbosity | DotNetOption.Properties |
                                                         DotNetOption.NoRestore | DotNetOption.NoBuild | DotNetOption.VersionSuffix;
}

public sealed class DotNetPublishSettings : DotNetSettings
{
    private protected override string[] Command => ["publish"];
    private protected override DotNetOption Supported => DotNetOption.ProjectFile | DotNetOption.Configuration | DotNetOption.Framework |
                                                         DotNetOption.Runtime | DotNetOption.OutputDirectory | DotNetOption.Verbosity |
                                                         DotNetOption.Properties | DotNetOption.NoRestore | DotNetOption.NoBuild |
                                                         DotNetOption.VersionSuffix | DotNetOption.SelfContained;
}

public sealed class DotNetRunSettings : DotNetSettings
{
    private protected override string[] Command => ["run"];
    private protected override DotNetOption Supported => DotNetOption.ProjectFile | DotNetOption.Configuration | DotNetOption.Framework |
                                                         DotNetOption.Runtime | DotNetOption.Verbosity | DotNetOption.Properties |
                                                         DotNetOption.NoRestore | DotNetOption.NoBuild | DotNetOption.ApplicationArguments;
}

public sealed class DotNetToolRestoreSettings : DotNetSettings
{
    private protected override string[] Command => ["tool", "restore"];
    private protected override DotNetOption Supported => DotNetOption.Verbosity;
}

public sealed class DotNetNuGetPushSettings : DotNetSettings
{
    private protected override string[] Command => ["nuget", "push"];
    private protected override DotNetOption Supported => DotNetOption.TargetPath | DotNetOption.Sources | DotNetOption.ApiKey | DotNetOption.SkipDuplicate;
}

public sealed class DotNetCleanSettings : DotNetSettings
{
    private protected override string[] Command => ["clean"];
    private protected override DotNetOption Supported => DotNetOption.ProjectFile | DotNetOption.Configuration | DotNetOption.Framework |
                                                         DotNetOption.Runtime | DotNetOption.OutputDirectory | DotNetOption.Verbosity |
                                                         DotNetOption.Properties;
}
