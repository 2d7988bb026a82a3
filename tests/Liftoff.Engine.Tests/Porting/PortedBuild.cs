using System.Reflection;
using System.Runtime.Loader;
using CliWrap;
using CliWrap.Buffered;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Liftoff.Engine.Tests.Porting;

/// <summary>
/// tests/PortingSample's NUKE build after the porting rule alone, compiled by Roslyn against Liftoff.Engine, and one run
/// of its Compile, Test and Pack in a scratch copy of the sample made a git repository: one restore of a tiny solution,
/// shared by every test of the class.
/// </summary>
public sealed class PortedBuild : IAsyncLifetime
{
    public static string SampleDirectory { get; } = Path.Combine(RepositoryRoot(), "tests", "PortingSample");

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "liftoff-porting", Guid.NewGuid().ToString("N"));
    public IReadOnlyList<Diagnostic> Errors { get; private set; } = [];
    public int ExitCode { get; private set; } = -1;
    public Type? BuildType { get; private set; }
    public string Output { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var assembly = Compile();
        if (assembly is null) return;
        CopySample();
        await GitAsync("init", "-q", "-b", "main");
        await GitAsync("add", "-A");
        await GitAsync("-c", "user.name=Liftoff", "-c", "user.email=liftoff@example.invalid", "commit", "-q", "-m", "Sample");
        await GitAsync("tag", "v1.0.0");

        BuildType = assembly.GetType("Build", throwOnError: true)!;
        var build = (LiftoffBuild)Activator.CreateInstance(BuildType)!;
        var writer = new StringWriter();
        ExitCode = await build.RunAsync(
            new BuildInvocation(["Compile", "Test", "Pack", "--configuration", "Release", "--package-version", "2.3.4", "--verbosity", "verbose"],
                Environment(), writer, IsTerminal: false, Root),
            [], CancellationToken.None);
        Output = writer.ToString();
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* the OS cleans the temp folder */ }
        return Task.CompletedTask;
    }

    /// <summary>The NUKE sources with the porting rule applied.</summary>
    public static IEnumerable<(string Name, string Text)> PortedSources() =>
        Directory.GetFiles(Path.Combine(SampleDirectory, "build"), "*.cs").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), PortingRule.Apply(File.ReadAllText(f))));

    private Assembly? Compile()
    {
        var trees = PortedSources().Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Latest), s.Name));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .DistinctBy(Path.GetFileName)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("PortedBuild", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!result.Success) return null;
        image.Position = 0;
        return new AssemblyLoadContext("PortedBuild", isCollectible: true).LoadFromStream(image);
    }

    private void CopySample()
    {
        foreach (var file in Directory.GetFiles(SampleDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(SampleDirectory, file);
            if (relative.Split(Path.DirectorySeparatorChar) is ["build", ..] || relative.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                || relative.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")) continue;
            var target = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The process's environment as a developer's: not CI, and no compiler server or build node left running afterwards.</summary>
    private static Dictionary<string, string> Environment()
    {
        var variables = Engine.Internal.Parameters.ParameterSources.ProcessEnvironment()
            .Where(v => v.Key is not ("CI" or "GITHUB_ACTIONS" or "CODEBUILD_BUILD_ID") && !v.Key.StartsWith("NUKE_", StringComparison.Ordinal)
                        && !v.Key.StartsWith("LIFTOFF_", StringComparison.Ordinal))
            .ToDictionary(v => v.Key, v => v.Value);
        variables["UseSharedCompilation"] = "false";
        variables["MSBUILDDISABLENODEREUSE"] = "1";
        variables["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        variables["DOTNET_NOLOGO"] = "1";
        return variables;
    }

    private Task<BufferedCommandResult> GitAsync(params string[] arguments) =>
        CliWrap.Cli.Wrap("git").WithArguments(arguments).WithWorkingDirectory(Root).ExecuteBufferedAsync();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Solution.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No Solution.sln above {AppContext.BaseDirectory}.");
    }
}
