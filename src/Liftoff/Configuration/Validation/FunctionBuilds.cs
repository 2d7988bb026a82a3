using System.Text.Json;
using Liftoff.Configuration.Model;
using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Validation;

/// <summary>Checks and resolves what Compile needs of one function: its builder, folders, entry and commands.</summary>
internal static class FunctionBuilds
{
    public static string StagingDirectory(string root, string project, string function) =>
        Path.Combine(root, ".nuke", "temp", "staging", project, function);

    public static IReadOnlyList<string> DefaultExclude(FunctionBuilder builder) => builder switch
    {
        FunctionBuilder.Python => ["tests/**", "**/test_*.py", "**/*_test.py", "**/__pycache__/**", "**/*.pyc"],
        _ => ["test/**", "tests/**", "**/*.test.js", "**/*.test.mjs", "**/*.test.cjs"],
    };

    /// <summary>
    /// What else lives in a project folder and never belongs in a function's zip, left out by default when
    /// a function's source is the project folder itself (source: .): Liftoff's and SAM's files, the
    /// template, tests, sample events, version control, documentation, caches, the front end, the other
    /// functions' folders. README.md lists them ("What the configuration is held to").
    /// </summary>
    public static IReadOnlyList<string> ProjectFolderExclude(ProjectDefinition project, string function)
    {
        List<string> exclude =
        [
            ConfigurationLoader.ProjectFileName, "template.yaml", "template.yml", "template.json", "samconfig.toml", "samconfig.yaml",
            ".aws-sam/**", "events/**", "test/**", "tests/**", "__tests__/**", ".git/**", ".gitignore", ".github/**",
            "README*", "readme*", "*.md", "node_modules/.cache/**", ".vscode/**", ".idea/**",
        ];
        IEnumerable<string?> folders = [project.FrontEnd?.Source, project.FrontEnd?.Output,
            .. (project.Functions ?? new Dictionary<string, FunctionDefinition>()).Where(f => f.Key != function).Select(f => f.Value.Source)];
        if (project.Template is { } template) exclude.Add(Normalized(template));
        exclude.AddRange(folders.OfType<string>().Select(Normalized).Where(f => f is not ("" or ".") && !f.StartsWith("..", StringComparison.Ordinal)).Select(f => f + "/**"));
        return exclude.Distinct().ToList();
    }

    private static string Normalized(string relative) =>
        Path.GetRelativePath(".", relative).Replace('\\', '/').TrimEnd('/');

    public static FunctionBuild? Resolve(
        string root, string project, string projectDirectory, string name, FunctionDefinition function, SourceMap map,
        RepositoryPaths paths, ICollection<ConfigurationError> errors)
    {
        if (function.Runtime is null || function.Handler is null || function.Source is null) return null;
        var before = errors.Count;
        var python = function.Runtime.StartsWith("python", StringComparison.Ordinal);
        var builder = function.Builder switch
        {
            "typescript" => FunctionBuilder.TypeScript,
            "python" => FunctionBuilder.Python,
            "node" => FunctionBuilder.Node,
            _ => python ? FunctionBuilder.Python : FunctionBuilder.Node,
        };
        if ((builder == FunctionBuilder.Python) != python)
            errors.Add(map.Where(function, nameof(function.Builder)).Error(
                $"'functions.{name}.builder' is '{function.Builder}' but the runtime is {function.Runtime}; " +
                (python ? "use builder: python" : "use builder: node or typescript")));

        var source = paths.Resolve(projectDirectory, function.Source, $"functions.{name}.source", map.Where(function, nameof(function.Source)), PathKind.Directory);
        string? entry = null;
        if (source is not null && builder == FunctionBuilder.TypeScript)
            entry = paths.Resolve(source, function.Entry ?? "src/index.ts", $"functions.{name}.entry",
                map.Where(function, function.Entry is null ? nameof(function.Source) : nameof(function.Entry)), PathKind.File);
        else if (function.Entry is not null)
            errors.Add(map.Where(function, nameof(function.Entry)).Error($"'functions.{name}.entry' applies to builder: typescript only"));

        if (source is not null) CheckHandlerModule(name, function, builder, source, map, paths, errors);

        if (errors.Count > before || source is null) return null;
        return new FunctionBuild(
            name, function.Runtime, function.Handler, builder, source, StagingDirectory(root, project, name), entry,
            function.Build, function.Test ?? DefaultTest(builder, source), function.Architecture ?? "x86_64");
    }

    private static string DefaultTest(FunctionBuilder builder, string source) => builder switch
    {
        FunctionBuilder.Python when Directory.Exists(Path.Combine(source, "tests")) => "python3 -m unittest discover -s tests -t .",
        FunctionBuilder.Python => "python3 -m unittest discover",
        FunctionBuilder.TypeScript => "npm test",
        _ => "node --test",
    };

    /// <summary>The handler's module must be there before packaging, unless a build step writes it.</summary>
    private static void CheckHandlerModule(
        string name, FunctionDefinition function, FunctionBuilder builder, string source, SourceMap map,
        RepositoryPaths paths, ICollection<ConfigurationError> errors)
    {
        if (builder == FunctionBuilder.TypeScript || function.Build is not null || HasBuildScript(source)) return;
        var module = function.Handler![..function.Handler!.LastIndexOf('.')];
        string[] extensions = builder == FunctionBuilder.Python ? [".py"] : [".js", ".mjs", ".cjs"];
        if (extensions.Any(e => File.Exists(Path.Combine(source, module + e)))) return;
        errors.Add(map.Where(function, nameof(function.Handler)).Error(
            $"'functions.{name}.handler' is '{function.Handler}' but {paths.Relative(Path.Combine(source, module))}" +
            $"{string.Join(" or ", extensions)} does not exist; the handler is <file without extension>.<exported function>"));
    }

    private static bool HasBuildScript(string source)
    {
        var packageJson = Path.Combine(source, "package.json");
        if (!File.Exists(packageJson)) return false;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
            return document.RootElement.TryGetProperty("scripts", out var scripts) &&
                   scripts.ValueKind == JsonValueKind.Object && scripts.TryGetProperty("build", out _);
        }
        catch (JsonException)
        {
            return false; // npm reports a broken package.json with its own message at build time.
        }
    }
}
