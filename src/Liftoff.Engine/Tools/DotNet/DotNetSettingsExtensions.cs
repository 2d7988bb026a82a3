using Liftoff.Engine.Tooling;

namespace Liftoff.Engine.Tools.DotNet;

/// <summary>NUKE's fluent setters for dotnet commands; each returns a changed copy.</summary>
public static class DotNetSettingsExtensions
{
    public static T SetProjectFile<T>(this T s, string? projectFile) where T : DotNetSettings => s.With<T>(c => c.ProjectFile = projectFile);
    public static T SetProject<T>(this T s, string? project) where T : DotNetSettings => s.SetProjectFile(project);
    public static T SetConfiguration<T>(this T s, string? configuration) where T : DotNetSettings => s.With<T>(c => c.Configuration = configuration);
    public static T SetFramework<T>(this T s, string? framework) where T : DotNetSettings => s.With<T>(c => c.Framework = framework);
    public static T SetRuntime<T>(this T s, string? runtime) where T : DotNetSettings => s.With<T>(c => c.Runtime = runtime);
    public static T SetOutputDirectory<T>(this T s, string? directory) where T : DotNetSettings => s.With<T>(c => c.OutputDirectory = directory);
    public static T SetOutput<T>(this T s, string? directory) where T : DotNetSettings => s.SetOutputDirectory(directory);
    public static T SetVerbosity<T>(this T s, DotNetVerbosity? verbosity) where T : DotNetSettings => s.With<T>(c => c.Verbosity = verbosity);

    public static T SetProperty<T>(this T s, string name, object value) where T : DotNetSettings =>
        s.With<T>(c => c.Properties = c.Properties.SetItem(name, value));

    public static T SetProperties<T>(this T s, IReadOnlyDictionary<string, object> properties) where T : DotNetSettings =>
        s.With<T>(c => c.Properties = c.Properties.SetItems(properties));

    public static T RemoveProperty<T>(this T s, string name) where T : DotNetSettings => s.With<T>(c => c.Properties = c.Properties.Remove(name));

    /// <summary>The MSBuild Version property (<c>-property:Version=…</c>), as NUKE sets it.</summary>
    public static T SetVersion<T>(this T s, string? version) where T : DotNetSettings => SetOrRemove(s, "Version", version);
    public static T SetAssemblyVersion<T>(this T s, string? version) where T : DotNetSettings => SetOrRemove(s, "AssemblyVersion", version);
    public static T SetFileVersion<T>(this T s, string? version) where T : DotNetSettings => SetOrRemove(s, "FileVersion", version);
    public static T SetInformationalVersion<T>(this T s, string? version) where T : DotNetSettings => SetOrRemove(s, "InformationalVersion", version);
    public static T SetCopyright<T>(this T s, string? copyright) where T : DotNetSettings => SetOrRemove(s, "Copyright", copyright);
    public static T SetPackageReleaseNotes<T>(this T s, string? notes) where T : DotNetSettings => SetOrRemove(s, "PackageReleaseNotes", notes);
    public static T SetContinuousIntegrationBuild<T>(this T s, bool? value) where T : DotNetSettings => SetOrRemove(s, "ContinuousIntegrationBuild", value);
    public static T EnableContinuousIntegrationBuild<T>(this T s) where T : DotNetSettings => s.SetContinuousIntegrationBuild(true);

    public static T SetVersionSuffix<T>(this T s, string? suffix) where T : DotNetSettings => s.With<T>(c => c.VersionSuffix = suffix);

    public static T SetNoRestore<T>(this T s, bool? value) where T : DotNetSettings => s.With<T>(c => c.NoRestore = value);
    public static T EnableNoRestore<T>(this T s) where T : DotNetSettings => s.SetNoRestore(true);
    public static T DisableNoRestore<T>(this T s) where T : DotNetSettings => s.SetNoRestore(false);
    public static T SetNoBuild<T>(this T s, bool? value) where T : DotNetSettings => s.With<T>(c => c.NoBuild = value);
    public static T EnableNoBuild<T>(this T s) where T : DotNetSettings => s.SetNoBuild(true);
    public static T DisableNoBuild<T>(this T s) where T : DotNetSettings => s.SetNoBuild(false);

    public static T SetLoggers<T>(this T s, params string[] loggers) where T : DotNetSettings => s.With<T>(c => c.Loggers = [.. loggers]);
    public static T AddLoggers<T>(this T s, params string[] loggers) where T : DotNetSettings => s.With<T>(c => c.Loggers = c.Loggers.AddRange(loggers));
    public static T SetResultsDirectory<T>(this T s, string? directory) where T : DotNetSettings => s.With<T>(c => c.ResultsDirectory = directory);
    public static T SetFilter<T>(this T s, string? filter) where T : DotNetSettings => s.With<T>(c => c.Filter = filter);

    public static T SetSource<T>(this T s, string? source) where T : DotNetSettings => s.With<T>(c => c.Sources = source is null ? [] : [source]);
    public static T SetSources<T>(this T s, params string[] sources) where T : DotNetSettings => s.With<T>(c => c.Sources = [.. sources]);
    public static T AddSources<T>(this T s, params string[] sources) where T : DotNetSettings => s.With<T>(c => c.Sources = c.Sources.AddRange(sources));
    public static T SetApiKey<T>(this T s, string? apiKey) where T : DotNetSettings => s.With<T>(c => c.ApiKey = apiKey);
    public static T SetTargetPath<T>(this T s, string? path) where T : DotNetSettings => s.With<T>(c => c.TargetPath = path);
    public static T SetSkipDuplicate<T>(this T s, bool? value) where T : DotNetSettings => s.With<T>(c => c.SkipDuplicate = value);
    public static T EnableSkipDuplicate<T>(this T s) where T : DotNetSettings => s.SetSkipDuplicate(true);

    public static T SetApplicationArguments<T>(this T s, string? arguments) where T : DotNetSettings => s.With<T>(c => c.ApplicationArguments = arguments);
    public static T SetSelfContained<T>(this T s, bool? value) where T : DotNetSettings => s.With<T>(c => c.SelfContained = value);
    public static T EnableSelfContained<T>(this T s) where T : DotNetSettings => s.SetSelfContained(true);

    private static T SetOrRemove<T>(T s, string property, object? value) where T : DotNetSettings =>
        value is null ? s.RemoveProperty(property) : s.SetProperty(property, value);
}
