using System.Text.RegularExpressions;

namespace Liftoff.Configuration.Runtimes;

/// <summary>The languages Liftoff builds functions in (Node.js, with TypeScript bundled to it, and Python).</summary>
public enum RuntimeLanguage { Node, Python }

/// <summary>
/// A Lambda runtime id read as a language and the version it runs: nodejs24.x is Node.js 24, python3.14 is
/// Python 3.14. The local handler check compares this version with the local node's or python3's.
/// </summary>
public sealed partial record LambdaRuntime(string Id, RuntimeLanguage Language, Version Version)
{
    /// <summary>Null for ids of other languages (java21, provided.al2023…) and for ones without a version ("nodejs").</summary>
    public static LambdaRuntime? Parse(string id)
    {
        var match = Shape().Match(id);
        if (!match.Success) return null;
        var language = match.Groups["language"].Value == "nodejs" ? RuntimeLanguage.Node : RuntimeLanguage.Python;
        var version = Version.Parse(match.Groups["version"].Value.Contains('.') ? match.Groups["version"].Value : match.Groups["version"].Value + ".0");
        return new LambdaRuntime(id, language, version);
    }

    /// <summary>Node's major version (22) or Python's major.minor (3.13), as people write them.</summary>
    public string VersionText => Language == RuntimeLanguage.Node ? Version.Major.ToString() : $"{Version.Major}.{Version.Minor}";

    /// <summary>"Node.js 24", "Python 3.14": what to install to run it locally.</summary>
    public string Product => (Language == RuntimeLanguage.Node ? "Node.js " : "Python ") + VersionText;

    [GeneratedRegex(@"^(?<language>nodejs|python)(?<version>\d+(\.\d+)?)(\.x)?$")]
    private static partial Regex Shape();
}
