using System.Diagnostics;
using System.Text.RegularExpressions;
using Liftoff.Building;
using Liftoff.Configuration;
using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Building;

/// <summary>Builders on small throwaway functions: failures, cancellation, Python requirements.</summary>
public sealed class BuildFailureTests
{
    private static FunctionBuild Function(string root, string name, FunctionBuilder builder, string? buildCommand = null, string runtime = "nodejs22.x") =>
        new(name, runtime, "index.handler", builder, Path.Combine(root, "src", name),
            Path.Combine(root, ".nuke", "temp", "staging", "demo", name), null, buildCommand, "node --test", "x86_64");

    [Fact]
    public async Task A_failing_build_reports_the_tools_own_message_and_the_other_projects_still_build()
    {
        using var repository = new TempRepository()
            .Write("src/broken/index.js", "exports.handler = 1;\n")
            .Write("src/fine/index.js", "exports.handler = 1;\n");
        var broken = new ProjectBuild("broken", repository.Root,
            [Function(repository.Root, "broken", FunctionBuilder.Node, "node -e \"console.error('Cannot find module ./missing'); process.exit(3)\"")], null, []);
        var fine = new ProjectBuild("fine", repository.Root, [Function(repository.Root, "fine", FunctionBuilder.Node)], null, []);
        var output = new CapturedOutput();

        var failure = await Assert.ThrowsAsync<BuildStepException>(
            () => new ProjectCompiler(repository.Root, output).CompileAsync([broken, fine], CancellationToken.None));

        Assert.StartsWith("1 of 2 projects failed to build:", failure.Message);
        Assert.Contains("[broken] `node -e", failure.Message);
        Assert.Contains("(exit code 3):", failure.Message);
        Assert.Contains("    Cannot find module ./missing", failure.Message);
        Assert.Contains("[broken] Cannot find module ./missing", output.Text);
        Assert.True(File.Exists(Path.Combine(repository.Root, ".nuke", "temp", "staging", "demo", "fine", "index.js")));
    }

    [Fact]
    public async Task In_CI_a_node_function_without_a_lock_file_is_refused_with_the_command_to_run()
    {
        using var repository = new TempRepository()
            .Write("src/api/index.js", "exports.handler = 1;\n")
            .Write("src/api/package.json", """{ "name": "api", "version": "1.0.0" }""");
        var project = new ProjectBuild("demo", repository.Root, [Function(repository.Root, "api", FunctionBuilder.Node)], null, []);

        var failure = await Assert.ThrowsAsync<BuildStepException>(
            () => new ProjectCompiler(repository.Root, TextWriter.Null, inCi: true).CompileAsync([project], CancellationToken.None));

        Assert.Contains("has package.json but no package-lock.json, and a CI build installs only what a lock file pins", failure.Message);
        Assert.Contains($"Run `npm install` in {Path.Combine(repository.Root, "src", "api")} on your machine and commit package-lock.json", failure.Message);
        Assert.False(File.Exists(Path.Combine(repository.Root, "src", "api", "package-lock.json")));
    }

    [Fact]
    public async Task On_a_laptop_a_node_function_without_a_lock_file_gets_one_written_and_a_warning_to_commit_it()
    {
        // As `sam init` leaves a project: package.json, no package-lock.json. No dependencies: npm needs no registry.
        using var repository = new TempRepository()
            .Write("src/api/index.js", "exports.handler = 1;\n")
            .Write("src/api/package.json", """{ "name": "api", "version": "1.0.0", "dependencies": {} }""");
        var project = new ProjectBuild("demo", repository.Root, [Function(repository.Root, "api", FunctionBuilder.Node)], null, []);
        var output = new CapturedOutput();

        await new ProjectCompiler(repository.Root, output, inCi: false).CompileAsync([project], CancellationToken.None);
        var again = new CapturedOutput();
        await new ProjectCompiler(repository.Root, again, inCi: false).CompileAsync([project], CancellationToken.None);

        var lockFile = Path.Combine(repository.Root, "src", "api", "package-lock.json");
        Assert.True(File.Exists(lockFile));
        Assert.Contains("\"lockfileVersion\"", await File.ReadAllTextAsync(lockFile));
        Assert.Contains($"[demo] warning: {Path.Combine(repository.Root, "src", "api")} has no package-lock.json; `npm install` writes one now. Commit it", output.Text);
        Assert.DoesNotContain("warning", again.Text);
        Assert.True(File.Exists(Path.Combine(function(repository.Root), "index.js")));

        static string function(string root) => Path.Combine(root, ".nuke", "temp", "staging", "demo", "api");
    }

    [Fact]
    public async Task Cancelling_kills_the_running_tool()
    {
        using var repository = new TempRepository().Write("src/api/index.js", "exports.handler = 1;\n");
        using var cancel = new CancellationTokenSource();
        var pid = new TaskCompletionSource<int>();
        var output = new CapturedOutput(line =>
        {
            var match = Regex.Match(line, @"child (\d+)");
            if (match.Success) pid.TrySetResult(int.Parse(match.Groups[1].Value));
        });
        // The shell starts node, which starts its own child: the whole tree must go.
        const string command = "node -e \"const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log('child ' + c.pid); setInterval(() => {}, 1000)\"";
        var project = new ProjectBuild("demo", repository.Root, [Function(repository.Root, "api", FunctionBuilder.Node, command)], null, []);

        var compile = new ProjectCompiler(repository.Root, output).CompileAsync([project], cancel.Token);
        var child = await pid.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => compile);
        Assert.True(await ExitsAsync(child), $"node's child {child} still runs after the build was cancelled");
    }

    private static async Task<bool> ExitsAsync(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (ArgumentException)
        {
            return true; // already gone
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Python_requirements_are_installed_into_the_staging_folder_and_cached()
    {
        using var repository = new TempRepository()
            .Write("src/register/index.py", "def handler(event, context):\n    return {}\n")
            .Write("src/register/requirements.txt", "# a wheel of our own: PyPI is out of reach here\n./wheels/tinypkg-1.0-py3-none-any.whl\n");
        TinyWheel.Write(Path.Combine(repository.Root, "src", "register", "wheels", "tinypkg-1.0-py3-none-any.whl"));
        var function = Function(repository.Root, "register", FunctionBuilder.Python, runtime: "python3.12");
        var project = new ProjectBuild("demo", repository.Root, [function], null, []);

        await new ProjectCompiler(repository.Root, TextWriter.Null).CompileAsync([project], CancellationToken.None);
        var second = new CapturedOutput();
        // Forced: a second compile of unchanged sources would not build the function at all (CompileStampTests).
        await new ProjectCompiler(repository.Root, second, force: true).CompileAsync([project], CancellationToken.None);

        var printed = await ProcessProbe.RunAsync(function.StagingDirectory, "python3", "-c", "import tinypkg, index; print(tinypkg.hello())");
        Assert.Equal("hi", printed);
        Assert.Contains("[demo] register: requirements.txt unchanged; pip install skipped", second.Text);
    }
}
