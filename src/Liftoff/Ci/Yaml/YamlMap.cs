using System.Collections;

namespace Liftoff.Ci.Yaml;

/// <summary>
/// A YAML mapping that keeps its keys in the order they were added, so generated CI files read in the order
/// a person would write them (name, on, permissions, jobs) and never change between runs. Values are
/// strings, booleans, numbers, <see cref="YamlMap"/>s and lists of those; a null value leaves the key out.
/// </summary>
public sealed class YamlMap : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> _entries = [];

    public object? this[string key]
    {
        set
        {
            _entries.RemoveAll(e => e.Key == key);
            if (value is not null) _entries.Add(new(key, value));
        }
    }

    public int Count => _entries.Count;

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
