using System.Reflection;

namespace Liftoff.Engine.Internal.Parameters;

/// <summary>The resolved value of every parameter, and where each came from.</summary>
internal sealed class ParameterValues
{
    private readonly Dictionary<string, (object? Value, string Source)> _values = new(StringComparer.OrdinalIgnoreCase);

    public static ParameterValues Resolve(IReadOnlyList<ParameterDescriptor> parameters, ParameterSources sources,
        string rootDirectory, SecretMasker masker)
    {
        var values = new ParameterValues();
        foreach (var parameter in parameters)
        {
            if (sources.Find(parameter) is not { } raw) continue;
            var value = ParameterConverter.Convert(parameter, raw, rootDirectory);
            values._values[parameter.Name] = (value, raw.Source);
            if (parameter.IsSecret) masker.Add(value?.ToString());
        }
        return values;
    }

    public bool TryGet(string name, out object? value)
    {
        var found = _values.TryGetValue(name, out var entry);
        value = entry.Value;
        return found;
    }

    /// <summary>Sets the values of fields and settable properties on the build object.</summary>
    public void Inject(object build, IReadOnlyList<ParameterDescriptor> parameters)
    {
        foreach (var parameter in parameters.Where(p => p.IsInjected))
        {
            if (!_values.TryGetValue(parameter.Name, out var entry)) continue;
            switch (parameter.Member)
            {
                case FieldInfo field: field.SetValue(build, entry.Value); break;
                case PropertyInfo property: property.SetValue(build, entry.Value); break;
            }
        }
        Build = build;
    }

    private object? Build { get; set; }

    /// <summary>The current value for --help: masked when secret, with its source.</summary>
    public string Describe(ParameterDescriptor parameter)
    {
        object? value = null;
        string? source = null;
        if (_values.TryGetValue(parameter.Name, out var entry)) (value, source) = entry;
        else if (Build is not null) value = Read(parameter);

        if (value is null || value is string { Length: 0 } || value is Array { Length: 0 }) return "";
        var text = parameter.IsSecret ? SecretMasker.Mask : value is Array array ? string.Join(" ", array.Cast<object>()) : value.ToString();
        return source is null ? $"= {text}" : $"= {text} ({source})";
    }

    private object? Read(ParameterDescriptor parameter)
    {
        try
        {
            return parameter.Member switch
            {
                FieldInfo field => field.GetValue(Build),
                PropertyInfo property => property.GetValue(Build),
                _ => null,
            };
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }
}
