using Liftoff.Packaging;

namespace Liftoff.Tests.Packaging;

/// <summary>Loads packaged handlers in the real node and python3 on this machine.</summary>
public sealed class VerificationTests : HandlerStagings
{
    [Fact]
    public async Task A_commonjs_handler_with_its_dependency_loads()
    {
        var staging = Node().NodeFunction();
        var result = await staging.PackageOneAsync(verifier: Verifier);
        Assert.Equal(PackageOutcome.Packaged, result.Outcome);
    }

    [Fact]
    public async Task An_es_module_handler_in_index_mjs_loads_through_import()
    {
        var staging = Node().File("index.mjs", "export const handler = async () => ({ statusCode: 200 });\n");
        var result = await staging.PackageOneAsync(verifier: Verifier);
        Assert.Equal(PackageOutcome.Packaged, result.Outcome);
    }

    [Fact]
    public async Task A_handler_file_missing_from_the_artifact_fails_with_the_entries_around_where_it_should_be()
    {
        var staging = Node("index.handler").File("dist/index.js", "exports.handler = async () => 1;\n").File("hello.js", "1");

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => staging.PackageOneAsync(verifier: Verifier));

        Assert.Contains("none of index.js, index.mjs, index.cjs is there", error.Message);
        Assert.Contains("  dist/index.js", error.Message);
        Assert.Contains("  hello.js", error.Message);
        Assert.False(File.Exists(staging.ZipPath));
    }

    [Fact]
    public async Task A_node_handler_that_throws_on_import_fails_with_nodes_own_error()
    {
        var staging = Node().File("index.js", "throw new Error('TABLE_NAME is not configured');\nexports.handler = async () => 1;\n");

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => staging.PackageOneAsync(verifier: Verifier));

        Assert.Contains("Error: TABLE_NAME is not configured", error.Message);
        Assert.Contains("index.js:1", error.RuntimeError);
        Assert.Contains("> index.js", error.Message);
    }

    [Fact]
    public async Task A_dependency_left_out_of_the_artifact_fails_though_the_staging_folder_has_it()
    {
        // tests/ is excluded by default, so this loads from the staging folder but not from the ZIP.
        var staging = Node().File("index.js", "const h = require('./tests/helper');\nexports.handler = h;\n")
            .File("tests/helper.js", "module.exports = async () => 1;\n");

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => staging.PackageOneAsync(verifier: Verifier));

        Assert.Contains("Cannot find module './tests/helper'", error.Message);
    }

    [Fact]
    public async Task A_node_export_that_is_not_a_function_fails_saying_what_it_is()
    {
        var staging = Node("index.handler").File("index.js", "exports.handler = 'not a function';\n");

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => staging.PackageOneAsync(verifier: Verifier));

        Assert.Contains("does not export a function 'handler' (it is string)", error.Message);
    }

    [Fact]
    public async Task A_python_handler_in_a_package_loads()
    {
        var staging = Python("service/app.lambda_handler")
            .File("service/__init__.py", "")
            .File("service/app.py", "import json\nfrom service import util\n\ndef lambda_handler(event, context):\n    return util.ok()\n")
            .File("service/util.py", "def ok():\n    return {'statusCode': 200}\n");

        var result = await staging.PackageOneAsync(verifier: Verifier);

        Assert.Equal(PackageOutcome.Packaged, result.Outcome);
        Assert.DoesNotContain(await staging.EntryNamesAsync(), n => n.Contains("__pycache__"));
    }

    [Fact]
    public async Task A_python_handler_that_raises_on_import_fails_with_the_traceback()
    {
        var staging = Python().File("app.py", "import not_installed_anywhere\n\ndef lambda_handler(event, context):\n    return 1\n");

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => staging.PackageOneAsync(verifier: Verifier));

        Assert.Contains("ModuleNotFoundError: No module named 'not_installed_anywhere'", error.Message);
        Assert.Contains("Traceback", error.RuntimeError);
    }

    [Fact]
    public async Task A_python_module_without_the_handler_attribute_fails()
    {
        var staging = Python("app.handler").File("app.py", "def lambda_handler(event, context):\n    return 1\n");

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => staging.PackageOneAsync(verifier: Verifier));

        Assert.Contains("app has no callable 'handler' (it is NoneType)", error.Message);
    }

    [Fact]
    public async Task A_failed_verification_keeps_the_previous_good_artifact_and_manifest()
    {
        var staging = Node().NodeFunction();
        var good = await staging.PackageOneAsync(verifier: Verifier);
        staging.File("index.js", "throw new Error('broken');\n");

        await Assert.ThrowsAsync<ArtifactVerificationException>(() => staging.PackageOneAsync(verifier: Verifier));

        var manifest = await ArtifactManifest.LoadAsync(staging.Root.Root, CancellationToken.None);
        Assert.Equal(good.Artifact, manifest.Find("shop", "api"));
        Assert.Equal(good.Artifact.Sha256Hex, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(staging.ZipPath))));
    }
}
