using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Liftoff.Releases;

/// <summary>The one JSON shape of release records, in the bucket and on stdout (camelCase, kebab-case enums).</summary>
public static class ReleaseJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static byte[] Serialize(Release release) => JsonSerializer.SerializeToUtf8Bytes(release, Options);

    public static Release Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<Release>(json, Options) ?? throw new JsonException("The release record is empty (null).");

    /// <summary>Writes the releases as one JSON array and nothing else, so stdout can be piped to jq.</summary>
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<Release> releases, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(JsonSerializer.Serialize(releases, Options).AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
            // A record edited by hand with a field set to null is refused as invalid, not met later as a null; a field left
            // out is refused where the record requires it (project, environment, kind, actor).
            RespectNullableAnnotations = true,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ReleaseJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
