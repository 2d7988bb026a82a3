using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration.Yaml;

// Named entries (functions, stack parameters) merged across layers, and lists, which a later layer replaces whole.
internal sealed partial class NodeBinder
{
    private object? BindDictionary(ModelKey key, Type valueType, List<Layer> layers, string path)
    {
        var entries = DictionaryEntries(key, valueType, layers, path);

        if (!layers.Any(l => l.Node is YamlMappingNode)) return null;
        var dictionary = (System.Collections.IDictionary)Activator.CreateInstance(
            typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType), StringComparer.Ordinal)!;
        map.RecordSelf(dictionary, Where(layers[0].Node));
        foreach (var (name, keyNode, values) in entries)
        {
            var entryPath = $"{path}.{name}";
            var nonNull = values.Where(v => !YamlDocumentReader.IsNull(v.Node)).ToList();
            if (nonNull.Count == 0)
            {
                if (ModelShape.IsModel(valueType)) nonNull.Add(values[^1] with { Node = new YamlMappingNode() });
                else
                {
                    Error(values[^1].Node, $"'{entryPath}' has no value");
                    continue;
                }
            }
            // A value that may be written plainly is replaced whole by an override, as a plain value would be.
            var value = ModelShape.IsModel(valueType)
                ? BindModel(valueType, ModelShape.Of(valueType).Shorthand is null ? nonNull : [nonNull[^1]], entryPath)
                : BindScalar(valueType, nonNull[^1].Node, entryPath);
            if (value is null) continue;
            dictionary[name] = value;
            map.Record(dictionary, name, Where(nonNull[^1].Node));
            if (ModelShape.IsModel(valueType)) map.Record(value, SourceMap.Key, Where(keyNode));
        }
        return dictionary;
    }

    /// <summary>
    /// The dictionary's entries in the order first written, each with its key node and value layers. An
    /// environment may change what the project declares, not add to it: a function only in prod is a typo.
    /// </summary>
    private List<(string Name, YamlNode KeyNode, List<Layer> Values)> DictionaryEntries(
        ModelKey key, Type valueType, List<Layer> layers, string path)
    {
        var entries = new List<(string Name, YamlNode KeyNode, List<Layer> Values)>();
        var byName = new Dictionary<string, List<Layer>>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            if (layer.Node is not YamlMappingNode mapping)
            {
                Error(layer.Node, $"'{path}' expects a mapping of names to values, found {Describe(layer.Node)}");
                continue;
            }
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                if (EntryName(key, keyNode, path) is not { } name) continue;
                var elsewhere = _declaredElsewhere.GetValueOrDefault(path) ?? new HashSet<string>();
                if (layer.Environment is not null && !byName.ContainsKey(name) && !elsewhere.Contains(name) && ModelShape.IsModel(valueType)
                    // A value that may also be written plainly (a stack parameter) may be added, as a plain value could be.
                    && ModelShape.Of(valueType).Shorthand is null)
                {
                    var declared = byName.Keys.Concat(elsewhere).Distinct().Order(StringComparer.Ordinal).ToList();
                    Error(keyNode, $"'{path}.{name}' in environments.{layer.Environment} is not declared in '{path}'; " +
                                   (declared.Count == 0 ? "declare it there first" : Suggestions.Hint(name, declared, "declared")));
                    continue;
                }
                if (!byName.TryGetValue(name, out var values))
                {
                    byName[name] = values = [];
                    entries.Add((name, keyNode, values));
                }
                values.Add(layer with { Node = valueNode });
            }
        }
        return entries;
    }

    /// <summary>The entry's name, or null (with the error) when the key is not a plain name of the allowed form.</summary>
    private string? EntryName(ModelKey key, YamlNode keyNode, string path)
    {
        if (keyNode is not YamlScalarNode { Value: { } name })
        {
            Error(keyNode, $"'{path}' keys must be plain names, found {Describe(keyNode)}");
            return null;
        }
        if (key.KeyPattern is { } pattern && !Regex.IsMatch(name, pattern.Pattern))
        {
            Error(keyNode, $"'{name}' is not a valid name in '{path}': use {pattern.Hint}");
            return null;
        }
        return name;
    }

    private object? BindList(Type itemType, YamlNode node, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{path}' expects a list (lines starting with '- '), found {Describe(node)}");
            return null;
        }
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        map.RecordSelf(list, Where(node));
        foreach (var item in sequence.Children)
        {
            var itemPath = $"{path}[{list.Count}]";
            var value = ModelShape.IsModel(itemType)
                ? BindModel(itemType, [new Layer(item)], itemPath)
                : BindScalar(itemType, item, itemPath);
            if (value is null) continue;
            map.Record(list, list.Count.ToString(CultureInfo.InvariantCulture), Where(item));
            list.Add(value);
        }
        return list;
    }
}
