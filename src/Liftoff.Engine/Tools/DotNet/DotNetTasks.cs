using Liftoff.Engine.Tooling;

namespace Liftoff.Engine.Tools.DotNet;

/// <summary>
/// The dotnet CLI as NUKE's DotNetTasks: <c>DotNetBuild(_ =&gt; _.SetProjectFile(Solution).SetConfiguration(Configuration))</c>.
/// Output is relayed line by line through the build's console (secrets masked); a non-zero exit throws
/// <see cref="ProcessException"/> with the command line and its last lines, which fails the target.
/// </summary>
public static partial class DotNetTasks
{
    private static IReadOnlyCollection<Output> Run<T>(Configure<T> configurator) where T : DotNetSettings, new() =>
        DotNetRunner.Run(configurator(new T()));

    private static IEnumerable<(T Settings, IReadOnlyCollection<Output> Output)> RunAll<T>(
        CombinatorialConfigure<T> configurator, int degreeOfParallelism, bool completeOnFailure) where T : DotNetSettings, new() =>
        DotNetRunner.RunAll(configurator(new T()).ToList(), degreeOfParallelism, completeOnFailure);

    /// <summary><c>dotnet restore</c></summary>
    public static IReadOnlyCollection<Output> DotNetRestore(DotNetRestoreSettings? options = null) => DotNetRunner.Run(options ?? new DotNetRestoreSettings());

    public static IReadOnlyCollection<Output> DotNetRestore(Configure<DotNetRestoreSettings> configurator) => Run(configurator);

    public static IEnumerable<(DotNetRestoreSettings Settings, IReadOnlyCollection<Output> Output)> DotNetRestore(
        CombinatorialConfigure<DotNetRestoreSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false) =>
        RunAll(configurator, degreeOfParallelism, completeOnFailure);

    /// <summary><c>dotnet build</c></summary>
    public static IReadOnlyCollection<Output> DotNetBuild(DotNetBuildSettings? options = null) => DotNetRunner.Run(options ?? new DotNetBuildSettings());

    public static IReadOnlyCollection<Output> DotNetBuild(Configure<DotNetBuildSettings> configurator) => Run(configurator);

    public static IEnumerable<(DotNetBuildSettings Settings, IReadOnlyCollection<Output> Output)> DotNetBuild(
        CombinatorialConfigure<DotNetBuildSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false) =>
        RunAll(configurator, degreeOfParallelism, completeOnFailure);

    /// <summary><c>dotnet test</c></summary>
    public static IReadOnlyCollection<Output> DotNetTest(DotNetTestSettings? options = null) => DotNetRunner.Run(options ?? new DotNetTestSettings());

    public static IReadOnlyCollection<Output> DotNetTest(Configure<DotNetTestSettings> configurator) => Run(configurator);

    public static IEnumerable<(DotNetTestSettings Settings, IReadOnlyCollection<Output> Output)> DotNetTest(
        CombinatorialConfigure<DotNetTestSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false) =>
        RunAll(configurator, degreeOfParallelism, completeOnFailure);

    /// <summary><c>dotnet pack</c></summary>
    public static IReadOnlyCollection<Output> DotNetPack(DotNetPackSettings? options = null) => DotNetRunner.Run(options ?? new DotNetPackSettings());

    public static IReadOnlyCollection<Output> DotNetPack(Configure<DotNetPackSettings> configurator) => Run(configurator);

    public static IEnumerable<(DotNetPackSettings Settings, IReadOnlyCollection<Output> Output)> DotNetPack(
        CombinatorialConfigure<DotNetPackSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false) =>
        RunAll(configurator, degreeOfParallelism, completeOnFailure);

    /// <summary><c>dotnet publish</c></summary>
    public static IReadOnlyCollection<Output> DotNetPublish(DotNetPublishSettings? options = null) => DotNetRunner.Run(options ?? new DotNetPublishSettings());

    public static IReadOnlyCollection<Output> DotNetPublish(Configure<DotNetPublishSettings> configurator) => Run(configurator);

    public static IEnumerable<(DotNetPublishSettings Settings, IReadOnlyCollection<Output> Output)> DotNetPublish(
        CombinatorialConfigure<DotNetPublishSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false) =>
        RunAll(configurator, degreeOfParallelism, completeOnFailure);

    /// <summary><c>dotnet run</c></summary>
    public static IReadOnlyCollection<Output> DotNetRun(DotNetRunSettings? options = null) => DotNetRunner.Run(options ?? new DotNetRunSettings());

    public static IReadOnlyCollection<Output> DotNetRun(Configure<DotNetRunSettings> configurator) => Run(configurator);

    public static IEnumerable<(DotNetRunSettings Settings, IReadOnlyCollection<Output> Output)> DotNetRun(
        CombinatorialConfigure<DotNetRunSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false) =>
        RunAll(configurator, degreeOfParallelism, completeOnFailure);

    /// <summary><c>dotnet tool restore</c></summary>
    public static IReadOnlyCollection<Output> DotNetToolRestore(DotNetToolRestoreSettings? options = null) => DotNetRunner.Run(options ?? new DotNetToolRestoreSettings());

    public static IReadOnlyCollection<Output> DotNetToolRestore(Configure<DotNetToolRestoreSettings> configurator) => Run(configurator);

    public static IEnumerable<(DotNetToolRestoreSettings Settings, IReadOnlyCollection<Output> Output)> DotNetToolRestore(
        CombinatorialConfigure<DotNetToolRestoreSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false) =>
        RunAll(configurator, degreeOfParallelism, completeOnFailure);

    /// <summary><c>dotnet nuget push</c></summary>
    public static IReadOnlyCollection<Output> DotNetNuGetPush(DotNetNuGetPushSettings? options = null) => DotNetRunner.Run(options ?? new DotNetNuGetPushSettings());

    public static IReadOnlyCollection<Output> DotNetNuGetPush(Configure<DotNetNuGetPushSettings> configurator) => Run(configurator);

    public static IEnumerable<(DotNetNuGetPushSettings Settings, IReadOnlyCollection<Output> Output)> DotNetNuGetPush(
        CombinatorialConfigure<DotNetNuGetPushSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false) =>
        RunAll(configurator, degreeOfParallelism, completeOnFailure);

    /// <summary><c>dotnet clean</c></summary>
    public static IReadOnlyCollection<Output> DotNetClean(DotNetCleanSettings? options = null) => DotNetRunner.Run(options ?? new DotNetCleanSettings());

    public static IReadOnlyCollection<Output> DotNetClean(Configure<DotNetCleanSettings> configurator) => Run(configurator);

    public static IEnumerable<(DotNetCleanSettings Settings, IReadOnlyCollection<Output> Output)> DotNetClean(
        CombinatorialConfigure<DotNetCleanSettings> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false) =>
        RunAll(configurator, degreeOfParallelism, completeOnFailure);
}
