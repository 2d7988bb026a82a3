using System.Text.RegularExpressions;

namespace Liftoff.Building;

/// <summary>One cfn-lint finding. Severity is E (error), W (warning) or I (informational), from the rule id.</summary>
public sealed record LintFinding(string File, int Line, int Column, string Rule, string Message)
{
    public bool IsError => Rule.StartsWith('E');
    public override string ToString() => $"{File}:{Line}:{Column}: {Rule} {Message}";
}

/// <summary>
/// Lints CloudFormation templates with cfn-lint (one run for all of them: its start-up dominates),
/// prints every finding at file:line:column, and fails on errors; warnings are shown but do not fail.
/// </summary>
public sealed partial class TemplateLinter(TextWriter output, string rootDirectory, LintCache? cache = null)
{
    private readonly ToolRunner _tools = new(TextWriter.Null);
    private readonly TextWriter _output = TextWriter.Synchronized(output);

    public async Task<IReadOnlyList<LintFinding>> LintAsync(IReadOnlyList<string> templates, CancellationToken cancellationToken)
    {
        if (cache is not null)
        {
            var toLint = new List<string>();
            foreach (var template in templates)
                if (!await cache.IsKnownCleanAsync(template, cancellationToken)) toLint.Add(template);
            if (toLint.Count < templates.Count)
                _output.WriteLine($"[cfn-lint] {templates.Count - toLint.Count} template(s) unchanged since cfn-lint found them clean");
            templates = toLint;
        }
        if (templates.Count == 0) return [];
        var relative = templates.Select(t => Path.GetRelativePath(rootDirectory, t).Replace('\\', '/')).ToList();
        var result = await _tools.RunAsync("cfn-lint", rootDirectory, "cfn-lint",
            ["--format", "parseable", "--", .. relative], cancellationToken, throwOnFailure: false);

        var findings = new List<LintFinding>();
        var unparsed = new List<string>();
        foreach (var line in result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Parseable().Match(line);
            if (match.Success)
                findings.Add(new LintFinding(match.Groups["file"].Value, int.Parse(match.Groups["line"].Value),
                    int.Parse(match.Groups["column"].Value), match.Groups["rule"].Value, match.Groups["message"].Value));
            else unparsed.Add(line);
        }

        foreach (var finding in findings) _output.WriteLine($"[cfn-lint] {finding}");
        // cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational; anything else is cfn-lint failing.
        if (findings.Count == 0 && result.ExitCode != 0 || (result.ExitCode & 1) != 0)
            throw new BuildStepException($"cfn-lint failed (exit code {result.ExitCode}):{Environment.NewLine}{string.Join(Environment.NewLine, unparsed)}");

        var errors = findings.Where(f => f.IsError).ToList();
        if (errors.Count > 0)
            throw new BuildStepException(
                $"cfn-lint found {errors.Count} error(s) in the templates; fix them before deploying:{Environment.NewLine}" +
                string.Join(Environment.NewLine, errors.Select(e => "    " + e)));
        _output.WriteLine($"[cfn-lint] {templates.Count} template(s): no errors, {findings.Count(f => !f.IsError)} warning(s)");
        if (cache is not null)
            foreach (var (template, name) in templates.Zip(relative))
                if (!findings.Any(f => f.File.Replace('\\', '/') == name))
                    await cache.RememberCleanAsync(template, cancellationToken);
        return findings;
    }

    // template.yaml:9:7:9:14:E2533:Runtime 'nodejs20.x' was deprecated…
    [GeneratedRegex(@"^(?<file>.+?):(?<line>\d+):(?<column>\d+):\d+:\d+:(?<rule>[EWI]\d+):(?<message>.*)$")]
    private static partial Regex Parseable();
}
