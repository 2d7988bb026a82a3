using System.Text.RegularExpressions;
using Liftoff.Configuration;

namespace Liftoff.Packaging;

/// <summary>
/// Cuts a runtime's error output down to what is about the user's code: the frames in the artifact's own
/// files, the error itself and the lines around it, with one line saying how many frames of the runtime,
/// the loader and the libraries were left out where they were. A failure deep in botocore still shows
/// the user's line that called it, which the last lines of a long traceback would hide.
/// </summary>
internal static partial class RuntimeTrace
{
    /// <param name="root">The folder the artifact was extracted to.</param>
    /// <param name="dependencies">Top-level names in the artifact that are installed packages, not the user's code.</param>
    public static string OwnFrames(string output, string root, IReadOnlySet<string> dependencies)
    {
        var lines = output.Replace("\r", "").TrimEnd().Split('\n');
        var roots = new[] { root, RealPath.Of(root) }.Distinct().ToArray();
        var kept = new List<string>();
        var dropped = 0;
        var indent = "  ";
        void Flush()
        {
            if (dropped > 0) kept.Add($"{indent}[{dropped} frame{(dropped == 1 ? "" : "s")} of the runtime and libraries left out]");
            dropped = 0;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var (file, frameIndent) = FrameOf(lines[i]);
            if (file is null)
            {
                Flush();
                kept.Add(lines[i]);
                continue;
            }
            var frame = new List<string> { lines[i] };
            // Python prints the frame's source line and its ^^^ markers, indented deeper, under the frame.
            if (PythonFrame().IsMatch(lines[i]))
                while (i + 1 < lines.Length && lines[i + 1].Length > 0 && FrameOf(lines[i + 1]).File is null &&
                       Indentation(lines[i + 1]) > frameIndent.Length)
                    frame.Add(lines[++i]);
            indent = frameIndent;
            if (IsOwn(file, roots, dependencies))
            {
                Flush();
                kept.AddRange(frame);
            }
            else dropped++;
        }
        Flush();
        return string.Join('\n', kept);
    }

    /// <summary>The top-level names the packages installed into a Python artifact own (from each *.dist-info/RECORD).</summary>
    public static IReadOnlySet<string> PythonDependencies(string root) =>
        Directory.EnumerateDirectories(root, "*.dist-info")
            .Select(d => Path.Combine(d, "RECORD"))
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(',')[0].Split('/')[0])
            .Where(name => name.Length > 0 && name != "..")
            .ToHashSet(StringComparer.Ordinal);

    private static (string? File, string Indent) FrameOf(string line)
    {
        if (PythonFrame().Match(line) is { Success: true } python) return (python.Groups["file"].Value, python.Groups["indent"].Value);
        if (NodeFrame().Match(line) is { Success: true } node) return (node.Groups["file"].Value, node.Groups["indent"].Value);
        return (null, "");
    }

    private static bool IsOwn(string file, string[] roots, IReadOnlySet<string> dependencies)
    {
        if (file.StartsWith("file://", StringComparison.Ordinal) && Uri.TryCreate(file, UriKind.Absolute, out var uri)) file = uri.LocalPath;
        var root = roots.FirstOrDefault(r => file.StartsWith(r + Path.DirectorySeparatorChar, RealPath.Comparison));
        if (root is null) return false;
        var relative = file[(root.Length + 1)..].Replace('\\', '/');
        return !relative.Contains("node_modules/", StringComparison.Ordinal) && !dependencies.Contains(relative.Split('/')[0]);
    }

    private static int Indentation(string line) => line.Length - line.TrimStart(' ').Length;

    [GeneratedRegex("""^(?<indent>\s*)File "(?<file>[^"]+)", line \d+""")]
    private static partial Regex PythonFrame();

    // "    at Object.<anonymous> (/tmp/x/index.js:1:7)", "    at file:///tmp/x/index.mjs:1:7", "    at node:internal/…"
    [GeneratedRegex(@"^(?<indent>\s+)at (?:.*\()?(?<file>[^()]+?)(?::\d+)?(?::\d+)?\)?$")]
    private static partial Regex NodeFrame();
}
