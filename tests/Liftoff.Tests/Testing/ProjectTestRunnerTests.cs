using Liftoff.Building;
using Liftoff.Testing;
using Liftoff.Configuration;
using Liftoff.Tests.Building;
using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Testing;

/// <summary>The sample projects' own unit tests run through the runner (real node, npm, python3), and a failing suite.</summary>
[Collection(CompiledSamplesCollection.Name)]
public sealed class ProjectTestRunnerTests(CompiledSamples samples)
{
    [Fact]
    public async Task Counts_every_sample_projects_tests()
    {
        var output = new CapturedOutput();

        var report = await new ProjectTestRunner(output).RunAsync(samples.Builds, CancellationToken.None);

        Assert.True(report.Succeeded, output.Text);
        Assert.Equal(
            ["fraud-or-not/api tests: 8 passed, 0 failed, 0 skipped", "media-register/register tests: 10 passed, 0 failed, 0 skipped", "people-cards/users tests: 8 passed, 0 failed, 0 skipped"],
            report.Results.Select(r => $"{r.Project}/{r.Function} {r.Counts}"));
        Assert.Equal(new TestCounts(26, 0, 0), report.Counts);
        Assert.Contains("[media-register] register: 10 passed, 0 failed, 0 skipped", output.Text);
    }

    [Fact]
    public async Task Failed_and_skipped_tests_are_counted_not_thrown()
    {
        using var repository = new TempRepository()
            .Write("node/checks.test.js", """
                const test = require('node:test');
                const assert = require('node:assert');
                test('passes', () => {});
                test('fails', () => assert.equal(1, 2));
                test('skipped', { skip: 'not today' }, () => {});
                test('todo', { todo: true }, () => {});
                """)
            .Write("py/tests/__init__.py", "")
            .Write("py/tests/test_things.py", """
                import unittest

                class Things(unittest.TestCase):
                    def test_passes(self):
                        pass

                    def test_fails(self):
                        self.assertEqual(1, 2)

                    def test_errors(self):
                        raise RuntimeError("boom")

                    @unittest.skip("later")
                    def test_skipped(self):
                        pass
                """);
        FunctionBuild Function(string name, FunctionBuilder builder, string command) =>
            new(name, "x", "index.handler", builder, Path.Combine(repository.Root, name), "", null, null, command, "x86_64");
        var projects = new[]
        {
            new ProjectBuild("js", repository.Root, [Function("node", FunctionBuilder.Node, "node --test")], null, []),
            new ProjectBuild("python", repository.Root, [Function("py", FunctionBuilder.Python, "python3 -m unittest discover -s tests -t .")], null, []),
        };

        var report = await new ProjectTestRunner(TextWriter.Null).RunAsync(projects, CancellationToken.None);

        Assert.False(report.Succeeded);
        Assert.Equal(new TestCounts(1, 1, 2), report.Results[0].Counts);
        Assert.Equal(new TestCounts(1, 2, 1), report.Results[1].Counts);
        Assert.Equal(new TestCounts(2, 3, 3), report.Counts);
        Assert.Equal(["js", "python"], report.Failures.Select(f => f.Project));
    }

    [Fact]
    public async Task A_suite_that_crashes_before_reporting_counts_as_one_failure()
    {
        using var repository = new TempRepository().Folder("api");
        var project = new ProjectBuild("demo", repository.Root,
            [new FunctionBuild("api", "x", "index.handler", FunctionBuilder.Python, Path.Combine(repository.Root, "api"), "", null, null,
                "python3 -c \"raise SystemExit('tests could not start')\"", "x86_64")], null, []);

        var report = await new ProjectTestRunner(TextWriter.Null).RunAsync([project], CancellationToken.None);

        Assert.Equal(new TestCounts(0, 1, 0), report.Counts);
        Assert.False(report.Succeeded);
    }
}
