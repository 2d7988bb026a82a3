using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Deploying.Stacks;

/// <summary>
/// A stack's template: its text (always known, for hashing and comparing) and, when it is too large to
/// send inline, the S3 URL it was uploaded to.
/// </summary>
public sealed record StackTemplate(string Body, string? Url = null, string? SourcePath = null)
{
    /// <summary>CloudFormation's limit for TemplateBody; larger templates must be passed as TemplateURL.</summary>
    public const int InlineLimitBytes = 51_200;

    // The Parameters section, read once per text: a deploy asks for the declared, NoEcho, default and SSM-typed
    // parameters from several places (inputs, plan, the unchanged-stack check), and each used to parse the whole
    // template again. A copy with another Body reads its own.
    private Lazy<Dictionary<string, YamlNode>?> _parameters = new(() => ReadParameters(Body));

    public string Body
    {
        get;
        init
        {
            field = value;
            _parameters = new(() => ReadParameters(value));
        }
    } = Body;

    public int SizeBytes => Encoding.UTF8.GetByteCount(Body);
    public bool FitsInline => SizeBytes <= InlineLimitBytes;
    public string Sha256Hex => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body)));

    /// <summary>
    /// The parameter names the template declares, or null when its text cannot be read as YAML/JSON (then
    /// CloudFormation will say what is wrong). Read here because moto's ValidateTemplate lists no parameters.
    /// </summary>
    public IReadOnlySet<string>? DeclaredParameters() =>
        _parameters.Value is { } parameters
            ? parameters.Keys.ToHashSet(StringComparer.Ordinal)
            : null;

    /// <summary>
    /// The parameters declared with <c>NoEcho: true</c> (CloudFormation accepts the boolean or the string), whose
    /// values must never be recorded or printed; null when the text cannot be read, so callers treat all as secret.
    /// </summary>
    public IReadOnlySet<string>? NoEchoParameters() =>
        _parameters.Value?.Where(p => string.Equals(Scalar(p.Value, "NoEcho"), "true", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Each declared parameter's Default as text (null: none, or not a plain value); null when the text cannot be read.
    /// What the stack holds for a parameter a deploy does not send.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? ParameterDefaults() =>
        _parameters.Value?.ToDictionary(p => p.Key, p => Scalar(p.Value, "Default"), StringComparer.Ordinal);

    /// <summary>
    /// Whether a parameter is of an <c>AWS::SSM::Parameter::Value</c> type (true too when the text cannot be read): CloudFormation
    /// looks such a value up in Systems Manager at every update, so the same text may stand for a new value.
    /// </summary>
    public bool ResolvesFromSsm() =>
        _parameters.Value?.Values.Any(p => Scalar(p, "Type")?.StartsWith("AWS::SSM::Parameter::Value", StringComparison.Ordinal) == true) ?? true;

    private static string? Scalar(YamlNode declaration, string key) =>
        declaration is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text }
            ? text
            : null;

    /// <summary>Each declared parameter's name and declaration node; null when the text is not YAML/JSON.</summary>
    private static Dictionary<string, YamlNode>? ReadParameters(string body)
    {
        try
        {
            var yaml = new YamlStream();
            // CloudFormation's short forms (!Ref, !Sub...) are plain YAML tags: the reader keeps them as tags.
            yaml.Load(new StringReader(body));
            if (yaml.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root) return null;
            if (!root.Children.TryGetValue(new YamlScalarNode("Parameters"), out var parameters) || parameters is not YamlMappingNode map)
                return new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            return map.Children
                .Where(p => p.Key is YamlScalarNode)
                .ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => p.Value, StringComparer.Ordinal);
        }
        catch (YamlException)
        {
            return null;
        }
    }

    /// <summary>Only the parameters the template declares: CloudFormation refuses a change set with any other.</summary>
    public IReadOnlyDictionary<string, string> Declared(IReadOnlyDictionary<string, string> parameters)
    {
        var declared = DeclaredParameters();
        return declared is null ? parameters : parameters.Where(p => declared.Contains(p.Key)).ToDictionary(StringComparer.Ordinal);
    }

    // By the text and where it lies, as before the parsed parameters were kept: they follow from the text.
    public bool Equals(StackTemplate? other) =>
        other is not null && Body == other.Body && Url == other.Url && SourcePath == other.SourcePath;

    public override int GetHashCode() => HashCode.Combine(Body, Url, SourcePath);

    public static async Task<StackTemplate> LoadAsync(string path, CancellationToken cancellationToken) =>
        new(await File.ReadAllTextAsync(path, cancellationToken), SourcePath: path);
}
