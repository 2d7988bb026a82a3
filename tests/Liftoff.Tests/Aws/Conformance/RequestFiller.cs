using System.Globalization;
using System.Reflection;
using System.Text;
using Amazon.Runtime;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// Builds a request with every settable property set to a value no other property has (strings name their
/// property, numbers count up), lists with two items and maps with one entry, so that each value found in
/// the marshalled request tells which property it came from.
/// </summary>
public sealed class RequestFiller(string serviceId)
{
    private const int MaxDepth = 8;
    private int _counter;
    private readonly Dictionary<string, string> _origins = [];

    /// <summary>Which property a value was made for ("InvalidationBatch.Paths.Items[2]"), for messages.</summary>
    public string? OriginOf(string value) => _origins.GetValueOrDefault(value);

    public object Fill(Type type) => FillObject(type, "", 0);

    private object FillObject(Type type, string path, int depth)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in ShapeBinding.OwnProperties(type).Where(p => p.CanWrite && p.SetMethod!.IsPublic))
        {
            // A hand-added SDK alias (InvokeRequest.Payload) shares its storage with the member it stands for.
            if (SdkNames.AddedBesides(serviceId, type.Name, property.Name) is not null)
                continue;
            var value = ValueFor(property.PropertyType, Join(path, property.Name), depth);
            if (value is not null)
                property.SetValue(instance, value);
        }
        return instance;
    }

    private object? ValueFor(Type type, string path, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return Remember($"{path.Replace('[', '-').Replace("]", "")}-{++_counter}", path);
        if (type == typeof(int)) return (int)Number(path);
        if (type == typeof(long)) return Number(path);
        if (type == typeof(double)) return Number(path) + 0.25;
        if (type == typeof(bool)) return true;
        if (type == typeof(DateTime)) return new DateTime(2021, 2, 3, 4, 5, 6, DateTimeKind.Utc).AddDays(++_counter);
        if (type == typeof(MemoryStream)) return new MemoryStream(Encoding.UTF8.GetBytes((string)ValueFor(typeof(string), path, depth)!));
        if (type.IsSubclassOf(typeof(ConstantClass))) return FirstConstant(type);
        if (depth >= MaxDepth) return null;
        if (ShapeBinding.ItemType(type) is { } itemType)
        {
            var list = (System.Collections.IList)Activator.CreateInstance(type)!;
            for (var i = 1; i <= 2; i++)
                if (ValueFor(itemType, $"{path}[{i}]", depth + 1) is { } item) list.Add(item);
            return list;
        }
        if (ShapeBinding.MapTypes(type) is { } map)
        {
            var dictionary = (System.Collections.IDictionary)Activator.CreateInstance(type)!;
            var key = ValueFor(map.Key, $"{path}.key", depth + 1)!;
            if (ValueFor(map.Value, $"{path}[{key}]", depth + 1) is { } value) dictionary[key] = value;
            return dictionary;
        }
        return type.IsClass && type.GetConstructor(Type.EmptyTypes) is not null ? FillObject(type, path, depth + 1) : null;
    }

    private long Number(string path)
    {
        var n = 1000L + ++_counter;
        Remember(n.ToString(CultureInfo.InvariantCulture), path);
        return n;
    }

    private string Remember(string value, string path)
    {
        _origins[value] = path;
        return value;
    }

    private static object FirstConstant(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).First(f => f.FieldType == type).GetValue(null)
        ?? throw new InvalidOperationException($"{type.Name} has no constants to fill a request with.");

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
