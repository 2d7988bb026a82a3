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

    /// <summary>The check's Lambda environment for worker: its name, region, memory and own variables as the first environment resolves them.</summary>
    private static LambdaEnvironment WorkerEnvironment(string runtime = "python3.12") =>
        new("shop-dev-lambda-worker", "eu-west-1", runtime, "app.lambda_handler", 256, new Dictionary<string, string> { ["TABLE_NAME"] = "orders" });

    private static async Task<Version> LocalVersionAsync(string program, params string[] args) =>
        Version.Parse((await Tool.OkAsync(program, args)).Trim().TrimStart('v'));

    [Fact]
    public async Task A_boto3_client_created_at_import_loads_in_lambdas_environment_without_the_deployers_credentials_or_profile()
    {
        // What a deployer's shell holds; the same values MotoFixture gives this process, so setting them disturbs no other test.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        var staging = Python();
        staging.Request = staging.Request with { Environment = WorkerEnvironment() };
        staging.File("app.py", """
            import os
            import boto3

            session = boto3.session.Session()
            assert session.region_name == 'eu-west-1', f'region {session.region_name}'
            assert session.get_credentials() is None, 'the deployer credentials reached user code'
            assert not os.path.exists(os.path.expanduser('~/.aws')), 'HOME is the user home'
            for name, value in {'AWS_REGION': 'eu-west-1', 'AWS_DEFAULT_REGION': 'eu-west-1', 'AWS_LAMBDA_FUNCTION_NAME': 'shop-dev-lambda-worker',
                                'AWS_LAMBDA_FUNCTION_VERSION': '$LATEST', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE': '256', '_HANDLER': 'app.lambda_handler',
                                'LAMBDA_TASK_ROOT': os.path.dirname(os.path.abspath(__file__)), 'TABLE_NAME': 'orders'}.items():
                assert os.environ.get(name) == value, f'{name} is {os.environ.get(name)!r}, not {value!r}'
            assert 'AWS_PROFILE' not in os.environ and 'AWS_ACCESS_KEY_ID' not in os.environ

            table = boto3.client('dynamodb')

            def lambda_handler(event, context):
                return table.meta.region_name
            """);

        var result = await staging.PackageOneAsync(verifier: Verifier);

        Assert.Equal(PackageOutcome.Packaged, result.Outcome);
    }

    [Fact]
    public async Task The_machines_profile_and_home_do_not_reach_the_check()
    {
        using var home = new TempTree();
        home.File(".aws/config", "[default]\nregion = ap-south-1\n");
        home.File(".aws/credentials", "[default]\naws_access_key_id = AKIAFROMAPROFILE\naws_secret_access_key = secret\n");
        var host = new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH")!, ["HOME"] = home.Root, ["AWS_PROFILE"] = "default",
            ["AWS_ACCESS_KEY_ID"] = "AKIAFROMTHESHELL", ["AWS_SECRET_ACCESS_KEY"] = "secret", ["AWS_DEFAULT_REGION"] = "ap-south-1",
        };
        var staging = Python();
        staging.Request = staging.Request with { Environment = WorkerEnvironment() };
        staging.File("app.py", """
            import os, boto3
            session = boto3.session.Session()
            assert session.region_name == 'eu-west-1', f'region {session.region_name}'
            assert session.get_credentials() is None, 'credentials reached user code'
            assert not ({'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'} & set(os.environ)), sorted(os.environ)
            assert os.environ['PATH'], 'PATH is kept to find programs'

            def lambda_handler(event, context):
                return 1
            """);

        var result = await staging.PackageOneAsync(verifier: new HandlerVerifier(timeout: TimeSpan.FromSeconds(30), host: host));

        Assert.Equal(PackageOutcome.Packaged, result.Outcome);
    }

    [Fact]
    public void Every_variable_of_this_process_not_given_is_removed_from_the_checks_process()
    {
        var wanted = WorkerEnvironment().For("/task", "/home-of-the-check", new Dictionary<string, string> { ["PATH"] = "/bin", ["HOME"] = "/root" });

        var replacing = LambdaEnvironment.Replacing(wanted);

        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
            if (!wanted.ContainsKey((string)variable.Key)) Assert.Null(replacing[(string)variable.Key]);
        Assert.Equal("/home-of-the-check", replacing["HOME"]);
        Assert.Equal("/bin", replacing["PATH"]);
    }

    [Fact]
    public async Task A_failure_shows_the_users_own_frames_and_the_error_and_a_hint_that_fits_it()
    {
        var staging = Python();
        staging.Request = staging.Request with { Environment = WorkerEnvironment() };
        staging.File("app.py", "from service import accounts\n\ndef lambda_handler(event, context):\n    return accounts.ME\n")
            .File("service/__init__.py", "")
            .File("service/accounts.py", "import boto3\n\nME = boto3.client('sts').get_caller_identity()['Account']\n");

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => staging.PackageOneAsync(verifier: Verifier));

        Assert.Contains("File \"artifacts/shop/worker.zip/app.py\", line 1, in <module>", error.Message);
        Assert.Contains("File \"artifacts/shop/worker.zip/service/accounts.py\", line 3, in <module>", error.Message);
        Assert.Contains("    ME = boto3.client('sts').get_caller_identity()['Account']", error.Message);
        Assert.Contains("botocore.exceptions.NoCredentialsError: Unable to locate credentials", error.Message);
        Assert.Matches(@"\[\d+ frames of the runtime and libraries left out\]", error.Message);
        Assert.DoesNotContain("botocore/", error.Message);
        Assert.DoesNotContain("importlib", error.Message);
        Assert.Contains("runs it without credentials, so user code never sees the deployer's", error.Message);
        Assert.DoesNotContain("dependency", error.Message);
        Assert.Contains("botocore/signers.py", error.RuntimeError); // the whole traceback is still kept
    }

    [Fact]
    public async Task A_node_failure_shows_the_frames_in_the_functions_files_not_nodes_loader()
    {
        var staging = Node().File("index.js", "const db = require('./lib/db');\nexports.handler = async () => db.url;\n")
            .File("lib/db.js", "const url = process.env.DATABASE_URL;\nif (!url) throw new Error('DATABASE_URL is not set');\nmodule.exports = { url };\n");

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => staging.PackageOneAsync(verifier: Verifier));

        Assert.Contains("Error: DATABASE_URL is not set", error.Message);
        Assert.Contains("artifacts/shop/api.zip/lib/db.js:2:", error.Message);
        Assert.Contains("artifacts/shop/api.zip/index.js:1:", error.Message);
        Assert.DoesNotContain("node:internal", error.Message);
        Assert.Contains("node:internal", error.RuntimeError);
        Assert.Contains("Fix the error above, then package again.", error.Message);
    }

    [Fact]
    public async Task A_variable_the_function_reads_at_import_and_does_not_set_gets_a_hint_naming_project_yaml()
    {
        var staging = Python().File("app.py", "import os\nTABLE = os.environ['ORDERS_TABLE']\n\ndef lambda_handler(event, context):\n    return TABLE\n");

        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => staging.PackageOneAsync(verifier: Verifier));

        Assert.Contains("KeyError: 'ORDERS_TABLE'", error.Message);
        Assert.Contains("add it to functions.worker.environment in project.yaml", error.Message);
    }

    [Fact]
    public async Task A_local_python_older_than_the_runtime_warns_with_both_versions_and_the_check_still_runs()
    {
        var local = await LocalVersionAsync("python3", "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])");
        var runtime = $"python3.{local.Minor + 1}";
        var good = Python();
        good.Request = good.Request with { Runtime = runtime };
        good.File("app.py", "def lambda_handler(event, context):\n    return 1\n");
        var broken = Python();
        broken.Request = broken.Request with { Runtime = runtime };
        broken.File("app.py", "def lambda_handler(event, context)\n    return 1\n");

        var result = await good.PackageOneAsync(verifier: Verifier);
        var error = await Assert.ThrowsAsync<ArtifactVerificationException>(() => broken.PackageOneAsync(verifier: Verifier));

        Assert.Equal(
            [$"shop/worker: the local python3 {local} is older than the function's runtime {runtime}; the handler check ran with it " +
             $"(install Python 3.{local.Minor + 1} to check with what Lambda runs)"],
            result.Warnings);
        Assert.Contains("SyntaxError", error.Message);
        Assert.Contains($"Also, the local python3 {local} is older than the function's runtime {runtime}", error.Message);
    }

    [Fact]
    public async Task A_local_node_as_new_as_the_runtime_gives_no_warning()
    {
        var local = await LocalVersionAsync("node", "--version");
        var staging = Node().NodeFunction();
        staging.Request = staging.Request with { Runtime = $"nodejs{local.Major}.x" };

        var result = await staging.PackageOneAsync(verifier: Verifier);

        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task A_packaged_artifact_is_checked_again_when_the_checks_environment_changes()
    {
        var staging = Python().File("app.py", "def lambda_handler(event, context):\n    return 1\n");
        staging.Request = staging.Request with { Environment = WorkerEnvironment() };
        await staging.PackageOneAsync(verifier: Verifier);
        var same = await staging.PackageOneAsync(verifier: Verifier);

        staging.Request = staging.Request with { Environment = WorkerEnvironment() with { Region = "us-west-2" } };
        var otherRegion = await staging.PackageOneAsync(verifier: Verifier);
        staging.Request = staging.Request with
        {
            Environment = WorkerEnvironment() with { Region = "us-west-2", Variables = new Dictionary<string, string> { ["TABLE_NAME"] = "other" } },
        };
        var otherVariables = await staging.PackageOneAsync(verifier: Verifier);

        Assert.Equal(PackageOutcome.UpToDate, same.Outcome);
        Assert.Equal(PackageOutcome.Packaged, otherRegion.Outcome);
        Assert.Equal(PackageOutcome.Packaged, otherVariables.Outcome);
        Assert.Equal(same.Artifact.Sha256Hex, otherVariables.Artifact.Sha256Hex); // the bytes are the same; only the check ran again
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
