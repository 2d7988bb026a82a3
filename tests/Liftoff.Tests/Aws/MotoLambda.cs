using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Aws;

/// <summary>
/// Makes real Lambda functions in a test's moto through the AWS CLI (Liftoff's client has no
/// CreateFunction): an execution role and a zip with a Node handler.
/// </summary>
internal sealed class MotoLambda(AwsCli cli, OncePerClass once)
{
    public const string RoleArn = "arn:aws:iam::123456789012:role/liftoff-test-lambda";

    public static byte[] Zip(string handlerBody)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry("index.js");
            using var writer = new StreamWriter(entry.Open(), Encoding.UTF8);
            writer.Write($"exports.handler = async (event) => {{ {handlerBody} }};\n");
        }
        return buffer.ToArray();
    }

    /// <summary>Lambda's CodeSha256: base64 of the zip's SHA-256.</summary>
    public static string CodeSha256(byte[] zip) => Convert.ToBase64String(SHA256.HashData(zip));

    public async Task<string> CreateFunctionAsync(string name, byte[]? zip = null)
    {
        await once.RunAsync("lambda-role", () => cli.RunAsync("iam", "create-role", "--role-name", "liftoff-test-lambda", "--assume-role-policy-document",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
        var path = Path.Combine(Path.GetTempPath(), $"liftoff-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(path, zip ?? Zip("return { statusCode: 200 };"));
        try
        {
            var created = await cli.JsonAsync("lambda", "create-function", "--function-name", name, "--runtime", "nodejs20.x",
                "--handler", "index.handler", "--role", RoleArn, "--zip-file", $"fileb://{path}");
            return created.GetProperty("FunctionArn").GetString()!;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
