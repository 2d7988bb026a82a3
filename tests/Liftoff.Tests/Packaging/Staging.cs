using System.Text;
using Liftoff.Packaging;

namespace Liftoff.Tests.Packaging;

/// <summary>A repository-like root with one function's staging folder, as Compile leaves it.</summary>
public sealed class Staging : IDisposable
{
    public Staging(string project = "shop", string function = "api", string runtime = "nodejs20.x", string handler = "index.handler")
    {
        Root = new TempTree();
        Request = new ArtifactRequest(project, function, runtime, handler,
            Root.PathOf($".nuke/temp/staging/{project}/{function}"), [], []) { ProjectDirectory = Root.PathOf($"projects/{project}") };
        Directory.CreateDirectory(Request.StagingDirectory);
        Directory.CreateDirectory(Request.ProjectDirectory!);
    }

    public TempTree Root { get; }
    public ArtifactRequest Request { get; set; }

    public string ZipPath => Root.PathOf($"artifacts/{Request.Project}/{Request.Function}.zip");

    public Staging File(string relative, string content, bool executable = false)
    {
        Root.File(StagingRelative(relative), content, executable);
        return this;
    }

    public Staging File(string relative, byte[] content)
    {
        Root.File(StagingRelative(relative), content);
        return this;
    }

    public Staging Link(string relative, string target)
    {
        Root.Link(StagingRelative(relative), target);
        return this;
    }

    public string PathOf(string relative) => Root.PathOf(StagingRelative(relative));

    /// <summary>A small node function with a dependency, like the node builder stages one.</summary>
    public Staging NodeFunction()
    {
        File("index.js", "const dep = require('./node_modules/left-pad');\nexports.handler = async () => ({ statusCode: 200, body: dep('x', 3) });\n");
        File("node_modules/left-pad/index.js", "module.exports = (s, n) => String(s).padStart(n);\n");
        File("node_modules/left-pad/package.json", "{\"name\":\"left-pad\",\"version\":\"1.3.0\"}\n");
        File("node_modules/.bin/tool", "#!/usr/bin/env node\nconsole.log('tool');\n", executable: true);
        File("lib/words.js", "module.exports = " + string.Join("+", Enumerable.Repeat("'lorem ipsum dolor sit amet '", 400)) + ";\n");
        return this;
    }

    public ArtifactPackager Packager(PackagingSettings? settings = null, HandlerVerifier? verifier = null) =>
        new(Root.Root, settings ?? new PackagingSettings()) { Verifier = verifier };

    public Task<IReadOnlyList<PackageResult>> PackageAsync(bool force = false, PackagingSettings? settings = null, HandlerVerifier? verifier = null) =>
        Packager(settings, verifier).PackageAsync([Request], force, CancellationToken.None);

    public async Task<PackageResult> PackageOneAsync(bool force = false, PackagingSettings? settings = null, HandlerVerifier? verifier = null) =>
        (await PackageAsync(force, settings, verifier)).Single();

    public async Task<IReadOnlyList<string>> EntryNamesAsync()
    {
        var listing = await Tool.OkAsync("zipinfo", "-1", ZipPath);
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private string StagingRelative(string relative) => $".nuke/temp/staging/{Request.Project}/{Request.Function}/{relative}";

    public void Dispose() => Root.Dispose();

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
