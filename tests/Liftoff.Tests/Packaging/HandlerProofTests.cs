using Liftoff.Packaging;
using Liftoff.Packaging.Zip;

namespace Liftoff.Tests.Packaging;

/// <summary>
/// The handler check loads from the staging folder, not from an extracted ZIP: these check that it still
/// sees only the artifact's entries, and that an artifact that differs from what was loaded is caught.
/// </summary>
public sealed class HandlerProofTests : HandlerStagings
{
    /// <summary>Writes the artifact as the packager does and returns what the writer recorded.</summary>
    private static async Task<(IReadOnlyList<ZipEntrySource> Files, ZipArchiveSummary Written)> WriteAsync(Staging staging, string zipPath)
    {
        var files = FileSelection.Select(staging.Request, CancellationToken.None);
        Directory.CreateDirectory(Path.GetDirectoryName(zipPath)!);
        using var cpu = new SemaphoreSlim(2);
        await using var output = new FileStream(zipPath, FileMode.Create, FileAccess.ReadWrite);
        var written = await new DeterministicZipWriter(6, new PackagingSettings().Timestamp, cpu).WriteAsync(files, output, CancellationToken.None);
        return (files, written);
    }

    private async Task ConfirmAsync(Staging staging, IReadOnlyList<ZipEntrySource> files, string zipPath, ZipArchiveSummary written)
    {
        using var gate = new SemaphoreSlim(1);
        await using var check = Verifier.Start(staging.Request, files, gate, CancellationToken.None)!;
        await check.ConfirmAsync(zipPath, written, CancellationToken.None);
    }

    [Fact]
    public async Task A_staged_file_that_changed_after_it_was_zipped_fails_though_it_loads()
    {
        var staging = Node().NodeFunction();
        var zip = staging.Root.PathOf("artifacts/check.zip");
        var (files, written) = await WriteAsync(staging, zip);
        // Still a working module, so only the proof can tell: the ZIP holds the old bytes.
        staging.File("node_modules/left-pad/index.js", "module.exports = (s, n) => String(s).padEnd(n);\n");

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => ConfirmAsync(staging, files, zip, written));

        Assert.Contains("loaded files that differ from its artifact: node_modules/left-pad/index.js", error.Message);
    }

    [Fact]
    public async Task A_zip_that_is_not_the_one_written_fails()
    {
        var staging = Node().NodeFunction();
        var zip = staging.Root.PathOf("artifacts/check.zip");
        var (files, written) = await WriteAsync(staging, zip);
        staging.File("lib/words.js", "module.exports = 'other words';\n");
        await WriteAsync(staging, zip); // another ZIP, from other content, where the first one was

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => ConfirmAsync(staging, files, zip, written));

        Assert.Contains("The artifact of shop/api is not what was packaged: lib/words.js holds", error.Message);
    }

    [Fact]
    public async Task The_same_zip_and_staging_folder_pass()
    {
        var staging = Node().NodeFunction();
        var zip = staging.Root.PathOf("artifacts/check.zip");
        var (files, written) = await WriteAsync(staging, zip);

        await ConfirmAsync(staging, files, zip, written);
    }

    [Fact]
    public async Task A_node_module_reading_a_file_left_out_of_the_artifact_at_load_fails_as_in_lambda()
    {
        var staging = Node().File("index.js", "const fs = require('fs');\nconst config = fs.readFileSync(__dirname + '/config.test.js', 'utf8');\nexports.handler = async () => config;\n")
            .File("config.test.js", "{}");

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => staging.PackageOneAsync(verifier: Verifier));

        Assert.Contains("ENOENT: no such file or directory", error.Message);
        Assert.Contains("config.test.js is in the staging folder but not in the artifact", error.Message);
    }

    [Theory]
    [InlineData("node", "index.mjs", "import { helper } from './tests/helper.mjs';\nexport const handler = helper;\n",
        "tests/helper.mjs", "export const helper = async () => 1;\n")] // an es module importing it
    [InlineData("python", "app.py", "import conftest\n\ndef lambda_handler(event, context):\n    return 1\n",
        "conftest.py", "VALUE = 1\n")]
    public async Task A_module_left_out_of_the_artifact_fails_though_the_staging_folder_has_it(
        string runtime, string handlerFile, string handler, string leftOut, string leftOutCode)
    {
        var staging = (runtime == "node" ? Node() : Python()).File(handlerFile, handler).File(leftOut, leftOutCode);

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => staging.PackageOneAsync(verifier: Verifier));

        Assert.Contains($"{leftOut} is in the staging folder but not in the artifact", error.Message);
    }

    [Fact]
    public async Task A_package_linked_into_the_staging_folder_loads_where_the_artifact_puts_it()
    {
        // As Compile stages node_modules: a link to the package in the function's source folder.
        var staging = Node().File("index.js", "const pad = require('left-pad');\nexports.handler = async () => pad('x', 3);\n");
        staging.Root.File("projects/shop/functions/api/node_modules/left-pad/index.js", "module.exports = (s, n) => String(s).padStart(n);\n");
        staging.Root.File("projects/shop/functions/api/node_modules/left-pad/package.json", "{\"name\":\"left-pad\"}\n");
        staging.Link("node_modules/left-pad", staging.Root.PathOf("projects/shop/functions/api/node_modules/left-pad"));

        var result = await staging.PackageOneAsync(verifier: Verifier);

        Assert.Equal(PackageOutcome.Packaged, result.Outcome);
        Assert.Contains("node_modules/left-pad/index.js", await staging.EntryNamesAsync());
    }

    [Fact]
    public async Task A_python_file_that_changed_after_it_was_zipped_fails()
    {
        var staging = Python().File("app.py", "from helper import ok\n\ndef lambda_handler(event, context):\n    return ok()\n")
            .File("helper.py", "def ok():\n    return 1\n");
        var zip = staging.Root.PathOf("artifacts/check.zip");
        var (files, written) = await WriteAsync(staging, zip);
        staging.File("helper.py", "def ok():\n    return 2\n");

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => ConfirmAsync(staging, files, zip, written));

        Assert.Contains("loaded files that differ from its artifact: helper.py", error.Message);
    }
}
