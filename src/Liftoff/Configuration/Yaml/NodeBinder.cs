using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration.Yaml;

/// <summary>
/// One YAML node that contributes to a value: the project's own, or an environment's override on top
/// (Environment set). Later layers win key by key; mappings merge, lists and scalars are replaced.
/// </summary>
internal sealed record Layer(YamlNode Node, string? Environment = null);

/// <summary>
/// Binds YAML nodes to the configuration records, collecting every error (unknown keys with a suggestion,
/// wrong types, missing keys, values out of range) instead of stopping at the first, as YamlDotNet's
/// deserializer would. Records where each value came from in the SourceMap.
/// </summary>
internal sealed partial class NodeBinder(string file, ICollection<ConfigurationError> errors, SourceMap map)
{
    private readonly Dictionary<string, IReadOnlySet<string>> _declaredElsewhere = new(StringComparer.Ordinal);

    /// <summary>
    /// Names a mapping at <paramref name="path"/> (e.g. "functions") holds without listing them, because another
    /// file declares them (the template's functions): an environment may override them directly.
    /// </summary>
    public void DeclaredElsewhere(string path, IReadOnlySet<string> names) => _declaredElsewhere[path] = names;

    public T? Bind<T>(IReadOnlyList<Layer> layers) where T : class => (T?)BindModel(typeof(T), layers, path: "");

    private object? BindModel(Type type, IReadOnlyList<Layer> layers, string path)
    {
        var shape = ModelShape.Of(type);
        if (shape.Shorthand is { } shorthand && layers[^1].Node is YamlScalarNode plain && !YamlDocumentReader.IsNull(plain))
            return BindShorthand(type, shorthand, plain, path);
        var mappings = new List<(YamlMappingNode Node, string? Environment)>();
        foreach (var layer in layers)
        {
            if (layer.Node is YamlMappingNode mapping) mappings.Add((mapping, layer.Environment));
            else Error(layer.Node, $"{Named(path)}expected a mapping of keys ({Keys(shape)}), found {Describe(layer.Node)}");
        }
        if (mappings.Count == 0) return null;

        var instance = Activator.CreateInstance(type)!;
        map.RecordSelf(instance, Where(mappings[0].Node));
        var (present, byKey) = ValuesByKey(shape, mappings, path);
        foreach (var key in shape.Keys)
        {
            var keyPath = Join(path, key.Name);
            if (byKey.TryGetValue(key, out var values))
                SetValue(instance, key, values, keyPath);
            else if (key.Required && !present.Contains(key))
                Error(mappings[0].Node, $"{Named(path)}missing required key '{key.Name}'{Described(key)}");
            else if (key.Required)
                Error(mappings[0].Node, $"'{keyPath}' has no value{Described(key)}");
        }
        return instance;
    }

    /// <summary>
    /// Each known key's value layers, in layer order (null values only mark the key present); unknown keys,
    /// build inputs overridden per environment and nested overrides are errors.
    /// </summary>
    private (HashSet<ModelKey> Present, Dictionary<ModelKey, List<Layer>> ByKey) ValuesByKey(
        ModelShape shape, List<(YamlMappingNode Node, string? Environment)> mappings, string path)
    {
        var present = new HashSet<ModelKey>();
        var byKey = new Dictionary<ModelKey, List<Layer>>();
        foreach (var (mapping, environment) in mappings)
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (KnownKey(shape, keyNode, environment, path) is not { } key) continue;
            present.Add(key);
            if (YamlDocumentReader.IsNull(valueNode)) continue;
            if (!byKey.TryGetValue(key, out var values)) byKey[key] = values = [];
            values.Add(new Layer(valueNode, environment));
        }
        return (present, byKey);
    }

    /// <summary>The key a node names, or null (with the error) when it is not one this layer may set.</summary>
    private ModelKey? KnownKey(ModelShape shape, YamlNode keyNode, string? environment, string path)
    {
        if (keyNode is not YamlScalarNode { Value: { } keyText })
        {
            Error(keyNode, $"{Named(path)}keys must be plain names, found {Describe(keyNode)}");
            return null;
        }
        var key = shape.Find(keyText);
        if (key is null)
        {
            var known = shape.Keys.Where(k => environment is null || !(k.BuildInput || k.Overrides)).Select(k => k.Name).ToList();
            Error(keyNode, $"unknown key '{keyText}'{In(path)}; {Suggestions.Hint(keyText, known, "allowed keys")}");
            return null;
        }
        if (environment is not null && key.BuildInput)
        {
            Error(keyNode, $"'{Join(path, key.Name)}' cannot differ per environment (environments.{environment}): " +
                           "Compile builds once and every environment deploys that build. Set it outside 'environments'.");
            return null;
        }
        if (key.Overrides)
        {
            // Read by the loader as layers over the project; nested overrides make no sense.
            if (environment is not null)
                Error(keyNode, $"'environments' cannot be nested inside environments.{environment}");
            return null;
        }
        return key;
    }

    private void SetValue(object instance, ModelKey key, List<Layer> values, string keyPath)
    {
        var value = BindValue(key, values, keyPath);
        if (value is null) return;
        key.Property.SetValue(instance, value);
        map.Record(instance, key.Property.Name, Where(values[^1].Node));
        Check(key, value, values[^1].Node, keyPath);
    }

    /// <summary><c>LogLevel: debug</c> for <c>LogLevel: { value: debug }</c>: the record with its shorthand key set.</summary>
    private object? BindShorthand(Type type, ModelKey key, YamlScalarNode node, string path)
    {
        var value = BindScalar(key.ValueType, node, path);
        if (value is null) return null;
        var instance = Activator.CreateInstance(type)!;
        map.RecordSelf(instance, Where(node));
        key.Property.SetValue(instance, value);
        map.Record(instance, key.Property.Name, Where(node));
        Check(key, value, node, path);
        return instance;
    }

    private object? BindValue(ModelKey key, List<Layer> layers, string path)
    {
        if (key.DictionaryValue is { } valueType) return BindDictionary(key, valueType, layers, path);
        if (ModelShape.IsModel(key.ValueType)) return BindModel(key.ValueType, layers, path);
        // Lists and scalars are replaced as a whole by the last layer that sets them.
        if (key.ListItem is { } itemType) return BindList(itemType, layers[^1].Node, path);
        return BindScalar(key.ValueType, layers[^1].Node, path);
    }

    private SourceLocation Where(YamlNode node) => SourceLocation.At(file, node.Start);

    private void Error(YamlNode node, string message) => errors.Add(Where(node).Error(message));

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
    private static string Named(string path) => path.Length == 0 ? "" : $"'{path}': ";
    private static string In(string path) => path.Length == 0 ? "" : $" in '{path}'";
    private static string Keys(ModelShape shape) => string.Join(", ", shape.Keys.Select(k => k.Name));
    private static string Described(ModelKey key) => key.Description is null ? "" : $" ({key.Description.TrimEnd('.')})";

    private static string Expected(Type type) =>
        type == typeof(int) ? "a whole number" : type == typeof(bool) ? "true or false" : "a text value";

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when YamlDocumentReader.IsNull(scalar) => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => node.NodeType.ToString(),
    };
}
