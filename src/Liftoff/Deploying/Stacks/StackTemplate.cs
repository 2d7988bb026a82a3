using System.Security.Cryptography;
using System.Text;

namespace Liftoff.Deploying.Stacks;

/// <summary>
/// A stack's template: its text (always known, for hashing and comparing) and, when it is too large to
/// send inline, the S3 URL it was uploaded to.
/// </summary>
public sealed record StackTemplate(string Body, string? Url = null, string? SourcePath = null)
{
    /// <summary>CloudFormation's limit for TemplateBody; larger templates must be passed as TemplateURL.</summary>
    public const int InlineLimitBytes = 51_200;

    public int SizeBytes => Encoding.UTF8.GetByteCount(Body);
    public bool FitsInline => SizeBytes <= InlineLimitBytes;
    public string Sha256Hex => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body)));

    public static async Task<StackTemplate> LoadAsync(string path, CancellationToken cancellationToken) =>
        new(await File.ReadAllTextAsync(path, cancellationToken), SourcePath: path);
}
