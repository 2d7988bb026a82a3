using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Liftoff.Tests.Trust;

/// <summary>One bad input: what it breaks, the command run, the exit code and what the message must say (and never say).</summary>
public sealed record BadInput(string Name, string Command, int Exit, string[] Says, Action<CaseRepository>? Break = null, string[]? Never = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// The corpus: bad command lines, configuration, templates, handlers, symlinks, manifests and ledger records edited by
/// hand. Each breaks one thing in a copy of a repository that deploys; BadInputCorpusTests runs each and counts the
/// mutating AWS calls it made, which must be none.
/// </summary>
public static class BadInputCorpus
{
    private const string Deploy = "Deploy --env dev";
    private const string DeployOnly = "Deploy --env dev --skip";
    private const string Project = "projects/shop/project.yaml";
    private const string Template = "projects/shop/template.yaml";
    private const string Handler = "projects/shop/api/index.js";
    private const string Manifest = "artifacts/manifest.json";

    public static IReadOnlyList<BadInput> All { get; } =
    [
        // The command line: usage errors, exit 2, before anything runs.
        new("no --env", "Deploy", 2, ["Target Deploy needs the parameter Env: give --env <value>"]),
        new("unknown --env", "Deploy --env qa", 2, ["--env expects one of dev, but the command line gives 'qa'."]),
        new("--env in another case", "Deploy --env DEV", 2, ["gives 'DEV'. Did you mean 'dev'?"]),
        new("--project with no value", "Deploy --env dev --project", 2, ["--project needs at least one value"]),
        new("unknown --project", "Deploy --env dev --project shpo", 2, ["--project expects one of shop, but the command line gives 'shpo'. Did you mean 'shop'?"]),
        new("unknown target", "Deplyo --env dev", 2, ["Unknown target 'Deplyo'. Did you mean 'Deploy'?"]),
        new("unknown parameter", "Deploy --env dev --froce", 2, ["Unknown parameter '--froce'. Did you mean '--force'?"]),
        new("two values for --env", "Deploy --env dev prod", 2, ["--env takes one value, but the command line gives 2"]),
        new("a flag that is not a bool", "Deploy --env dev --dry-run maybe", 2, ["--dry-run expects a value of type bool, but the command line gives 'maybe'"]),
        new("a profile without its file", "Deploy --env dev --profile nightly", 2, ["The parameter profile 'nightly' has no file .nuke/parameters.nightly.json"]),
        new("--skip of an unknown target", "Deploy --env dev --skip Uplaod", 2, ["Unknown target 'Uplaod'. Did you mean 'Upload'?"]),
        new("LIFTOFF_ENV naming no environment", "Deploy", 2, ["but the environment variable LIFTOFF_ENV gives 'qa'"],
            c => c.Environment["LIFTOFF_ENV"] = "qa"),
        new("a bare ENV is not --env", "Deploy", 2, ["Target Deploy needs the parameter Env"], c => c.Environment["ENV"] = "dev"),
        new("a misspelt key in parameters.json", "Deploy", 2, [".nuke/parameters.json:1:3: unknown key \"Evn\". Did you mean \"Env\"?"],
            c => c.Write(".nuke/parameters.json", """{ "Evn": "dev" }""")),
        new("parameters.json that is not JSON", Deploy, 2, [".nuke/parameters.json:1:", "not valid JSON"],
            c => c.Write(".nuke/parameters.json", """{ "Env": "dev", }}""")),
        new("an unknown verbosity", "Deploy --env dev --verbosity loud", 2, ["Unknown verbosity 'loud' for --verbosity"]),
        new("an unknown host", "Deploy --env dev --host Jenkins", 2, ["Unknown host 'Jenkins' for --host"]),
        new("a partition past its total", "Deploy --env dev --partition 3/2", 2, ["--partition"]),

        // Configuration: every error at file:line:column, exit 1, before anything touches AWS.
        new("environments.yaml that is not YAML", Deploy, 1, ["environments.yaml:4:4: not valid YAML"],
            c => c.Edit("environments.yaml", "    region: us-east-1", "    region: us-east-1\n   endpointUrl: [")),
        new("a misspelt key in environments.yaml", Deploy, 1, ["environments.yaml:3:5: unknown key 'regoin'"],
            c => c.Edit("environments.yaml", "    region:", "    regoin: us-east-1\n    region:")),
        new("an artifact bucket AWS refuses", Deploy, 1, ["'environments.dev.artifactBucket' is 'Corpus_Bucket-"],
            c => c.Edit("environments.yaml", "artifactBucket: ", "artifactBucket: Corpus_Bucket-")),
        new("a template file that does not exist", Deploy, 1, [$"{Project}:1:11: 'template': file 'projects/shop/templat.yaml' does not exist; did you mean 'projects/shop/template.yaml'?"],
            c => c.Edit(Project, "template: template.yaml", "template: templat.yaml")),
        new("a runtime Lambda does not have", Deploy, 1, [$"{Project}:6:14: 'functions.api.runtime': AWS no longer lets functions be created on nodejs12.x"],
            c => c.Edit(Project, "nodejs22.x", "nodejs12.x")),
        new("a handler project.yaml and the template disagree on", Deploy, 1,
            [$"{Project}:7:14: 'functions.api.handler' is 'app.handler' but {Template}:21:16 says Handler: index.handler for 'ApiFunction'"],
            c => c.Edit(Project, "index.handler", "app.handler")),
        new("a source folder that does not exist", Deploy, 1, [$"{Project}:8:13: 'functions.api.source': folder 'projects/shop/apii' does not exist; did you mean 'projects/shop/api'?"],
            c => c.Edit(Project, "source: api", "source: apii")),
        new("a source folder outside the repository", Deploy, 1, [$"{Project}:8:13: 'functions.api.source' is '../../..', which is outside the repository"],
            c => c.Edit(Project, "source: api", "source: ../../..")),
        new("a NoEcho parameter in plain text", Deploy, 1, [$"{Project}:3:15: 'stackParameters.DbPassword' is written in plain text", "{ fromEnv: DB_PASSWORD }"],
            c => c.Edit(Project, "{ fromEnv: SHOP_DB_PASSWORD }", "hunter2-in-git"), Never: ["hunter2-in-git"]),
        new("the variable of a NoEcho parameter unset", Deploy, 1,
            ["Target Deploy cannot run:", $"{Project}:3:26: 'stackParameters.DbPassword' reads the environment variable SHOP_DB_PASSWORD, which is not set"],
            c => c.Environment.Remove("SHOP_DB_PASSWORD")),
        new("a dynamic reference misspelt", Deploy, 1, [$"{Project}:3:15: 'stackParameters.DbPassword' is '{{{{resolve:secretmanager:shop/db}}}}', which is not a dynamic reference"],
            c => c.Edit(Project, "{ fromEnv: SHOP_DB_PASSWORD }", "'{{resolve:secretmanager:shop/db}}'")),
        new("a stack parameter the template does not declare", Deploy, 1, [$"{Project}:3:13: stack parameter 'LogLevel' is not declared by {Template}"],
            c => c.Edit(Project, "  DbPassword:", "  LogLevel: debug\n  DbPassword:")),
        new("a key written twice", Deploy, 1, [$"{Project}:", "the key 'template' appears twice in the same mapping"],
            c => c.Edit(Project, "template: template.yaml\n", "template: template.yaml\ntemplate: other.yaml\n")),
        new("a rollout percent that does not apply", Deploy, 1, ["'percent' applies to canary and linear rollouts only"],
            c => c.Write(Project, File.ReadAllText(c.Path(Project)) + "\nrollout:\n  strategy: all-at-once\n  percent: 10\n")),
        new("an override for an environment that does not exist", Deploy, 1, ["unknown environment 'qa' in 'environments'"],
            c => c.Write(Project, File.ReadAllText(c.Path(Project)) + "\nenvironments:\n  qa:\n    alarms: [x]\n")),

        // Templates: what project.yaml names must be there.
        new("a template without resources", Deploy, 1, [$"{Template}:1:1: is not a CloudFormation template: it has no Resources"],
            c => c.Write(Template, "Parameters:\n  Project: {Type: String}\n")),
        new("a template that is not YAML", Deploy, 1, [$"{Template}:", "not valid YAML"],
            c => c.Edit(Template, "Resources:", "Resources: [")),
        new("the function's resource missing", Deploy, 1, [$"{Project}:5:3: {Template} has no function named 'api' (logical id ApiFunction)"],
            c => c.Edit(Template, "  ApiFunction:", "  ShopFunction:")),
        new("a template parameter nothing gives a value", Deploy, 1, [$"{Template}:6:3: parameter 'Extra' has no Default and Liftoff passes no value for it"],
            c => c.Edit(Template, "  DbPassword:", "  Extra: {Type: String}\n  DbPassword:")),
        new("a template cfn-lint rejects", "Package", 1, ["cfn-lint found", "E3"],
            c => c.Edit(Template, "Runtime: nodejs22.x", "Runtime: nodejs22.x\n      MemorySize: 1")),

        // Handlers: an artifact counts only once its handler loads.
        new("a handler that throws on import", "Package", 1, ["Error: DATABASE_URL is missing"],
            c => c.Write(Handler, "throw new Error('DATABASE_URL is missing');\n")),
        new("a handler that is not exported", "Package", 1, ["does not export a function 'handler'"],
            c => c.Write(Handler, "exports.other = async () => ({ statusCode: 200 });\n")),
        new("a handler with a syntax error", "Package", 1, ["SyntaxError"],
            c => c.Write(Handler, "exports.handler = async () => {\n")),
        new("a Python handler that imports what is not there", "Package", 1, ["No module named 'nonexistent_corpus_module'"],
            c => c.Edit(Project, "runtime: nodejs22.x\n    handler: index.handler", "runtime: python3.12\n    handler: app.handler")
                .Edit(Template, "Runtime: nodejs22.x\n      Handler: index.handler", "Runtime: python3.12\n      Handler: app.handler")
                .Write("projects/shop/api/app.py", "import nonexistent_corpus_module\n\ndef handler(event, context):\n    return 1\n")),

        // Symlinks: nothing from outside the repository ships.
        new("a link to a file outside", "Package", 1, ["'projects/shop/api/secrets.txt' is a symlink to", "outside the repository"], LinkFile),
        new("a link to a folder outside", "Package", 1, ["'projects/shop/api/lib' is a symlink to", "outside the repository"], LinkFolder),
        new("a source folder that is a link outside", Deploy, 1, [$"{Project}:8:13: 'functions.api.source' is 'api', but 'projects/shop/api' is a symlink to"], LinkSource),
        new("a site file that is a link outside", "Package", 1, ["'secrets.txt' in the front end of shop: 'projects/shop/site/dist/secrets.txt' is a symlink to"], LinkSiteFile),

        // The manifest edited by hand: Deploy reads it before anything else.
        new("a manifest that is not JSON", DeployOnly, 1, ["artifacts/manifest.json:3:3: the artifact manifest is not valid JSON", "run Package again"],
            c => c.Edit(Manifest, "\"artifacts\"", "artifacts")),
        new("a manifest without the function's package", DeployOnly, 1, ["artifacts/manifest.json has no package for shop/api"],
            c => c.Write(Manifest, EditManifest(c, m => m["artifacts"] = new JsonArray()))),
        new("no manifest at all", DeployOnly, 1, ["artifacts/manifest.json has no package for shop/api"],
            c => File.Delete(c.Path(Manifest))),
        new("a manifest hash edited", DeployOnly, 1, ["the entry for shop/api: sha256Base64 is not the base64 of sha256Hex", "Package --force"],
            c => c.Write(Manifest, EditManifest(c, m => m["artifacts"]![0]!["sha256Hex"] = Hex("edited")))),
        new("a manifest naming a package never uploaded", DeployOnly, 1, ["is not there: nothing was changed", "./build.sh Upload --env dev --project shop"],
            c => c.Write(Manifest, EditManifest(c, m =>
            {
                m["artifacts"]![0]!["sha256Hex"] = Hex("never uploaded");
                m["artifacts"]![0]!["sha256Base64"] = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("never uploaded")));
            }))),
        new("a manifest with a field missing", DeployOnly, 1, ["artifacts/manifest.json", "not valid JSON", "handler"],
            c => c.Write(Manifest, EditManifest(c, m => m["artifacts"]![0]!.AsObject().Remove("handler")))),
        new("a manifest whose site leaves the repository", DeployOnly, 1, ["the front end of shop: sourceDirectory '../../..' is not a folder inside the repository"],
            c => c.Write(Manifest, EditManifest(c, m => m["frontEnds"] = new JsonArray(new JsonObject
            {
                ["project"] = "shop", ["sourceDirectory"] = "../../..", ["assets"] = new JsonArray(),
            })))),

        // Release records edited by hand: the ledger is read before the lock is taken.
        new("a release record that is not JSON", DeployOnly, 1, ["cannot be read", "Restore its previous version"],
            c => Record(c, "{ \"id\": ")),
        new("a release record with a field set to null", DeployOnly, 1, ["cannot be read", "artifacts"],
            c => Record(c, ValidRecord.Replace("\"artifacts\": []", "\"artifacts\": null"))),
        new("a release record with a status Liftoff does not know", DeployOnly, 1, ["cannot be read", "Restore its previous version"],
            c => Record(c, ValidRecord.Replace("\"succeeded\"", "\"done\""))),
        new("a release record without its project", "Releases --env dev", 1, ["cannot be read", "project"],
            c => Record(c, ValidRecord.Replace("\"project\": \"shop\",", ""))),
    ];

    private const string ValidRecord = """
        {
          "id": "20250101T000000Z-abc123",
          "kind": "deploy",
          "project": "shop",
          "environment": "dev",
          "status": "succeeded",
          "actor": { "user": "corpus", "host": "corpus", "processId": 1 },
          "artifacts": [],
          "startedAt": "2025-01-01T00:00:00+00:00"
        }
        """;

    private static void Record(CaseRepository c, string json) =>
        c.PutObject(c.OwnBucket(), "releases/shop/dev/20250101T000000Z-abc123.json", json);

    private static string EditManifest(CaseRepository c, Action<JsonNode> edit)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(c.Path(Manifest)))!;
        edit(manifest);
        return manifest.ToJsonString();
    }

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void LinkFile(CaseRepository c)
    {
        c.WriteOutside("credentials", "aws_secret_access_key = outside");
        File.CreateSymbolicLink(c.Path("projects/shop/api/secrets.txt"), Path.Combine(c.Outside, "credentials"));
    }

    private static void LinkFolder(CaseRepository c)
    {
        c.WriteOutside("lib/helper.js", "module.exports = 1;\n");
        Directory.CreateSymbolicLink(c.Path("projects/shop/api/lib"), Path.Combine(c.Outside, "lib"));
    }

    private static void LinkSource(CaseRepository c)
    {
        c.WriteOutside("api/index.js", "exports.handler = async () => 1;\n");
        Directory.Delete(c.Path("projects/shop/api"), recursive: true);
        Directory.CreateSymbolicLink(c.Path("projects/shop/api"), Path.Combine(c.Outside, "api"));
    }

    private static void LinkSiteFile(CaseRepository c)
    {
        c.WriteOutside("credentials", "aws_secret_access_key = outside");
        c.Write("projects/shop/site/README.md", "the site\n");
        c.Write(Project, File.ReadAllText(c.Path(Project)) +
            $"\nfrontEnd:\n  source: site\n  build: mkdir -p dist && echo ok > dist/index.html && ln -sf {Path.Combine(c.Outside, "credentials")} dist/secrets.txt\n  output: site/dist\n");
    }
}
