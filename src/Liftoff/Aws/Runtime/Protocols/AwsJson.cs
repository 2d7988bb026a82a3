using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using Amazon.Util;

namespace Liftoff.Aws.Runtime.Protocols;

/// <summary>
/// System.Text.Json settings for AWS JSON protocols: members named as the service names them
/// (PascalCase for Lambda, camelCase for CodePipeline), nulls left out, SDK constants as strings,
/// timestamps as epoch seconds (awsJson) or ISO 8601.
/// </summary>
public static class AwsJson
{
    public static JsonSerializerOptions PascalCase { get; } = Create(null);

    public static JsonSerializerOptions CamelCase { get; } = Create(JsonNamingPolicy.CamelCase);

    /// <summary>PascalCase, with the types <paramref name="described"/> knows read from its compile-time metadata.</summary>
    public static JsonSerializerOptions PascalCaseWith(IJsonTypeInfoResolver described) => Create(null, described);

    private static JsonSerializerOptions Create(JsonNamingPolicy? naming, IJsonTypeInfoResolver? described = null)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = naming,
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        if (described is not null) options.TypeInfoResolver = JsonTypeInfoResolver.Combine(described, new DefaultJsonTypeInfoResolver());
        options.Converters.Add(new ConstantClassConverterFactory());
        options.Converters.Add(new TimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class TimestampConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number
                ? AWSSDKUtils.ConvertFromUnixDoubleEpochSeconds(reader.GetDouble())
                : DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteNumberValue((value.ToUniversalTime() - DateTime.UnixEpoch).TotalSeconds);
    }

    private sealed class ConstantClassConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsSubclassOf(typeof(ConstantClass));

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ConstantClassConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class ConstantClassConverter<T> : JsonConverter<T> where T : ConstantClass
    {
        private static readonly Func<string, T> FindValue = typeof(T).GetMethod("FindValue", BindingFlags.Public | BindingFlags.Static, [typeof(string)])
            ?.CreateDelegate<Func<string, T>>()
            ?? throw new InvalidOperationException($"{typeof(T).Name} needs a public static FindValue(string).");

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is { } value ? FindValue(value) : null;

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
