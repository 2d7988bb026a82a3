using Liftoff.Engine.IO;
using System.Reflection;

namespace Liftoff.Engine.Internal.Parameters;

/// <summary>The resolved value of every parameter, and where each came from.</summary>
internal sealed class ParameterValues
{
    private readonly Dictionary<string, (object? Value, string Source)> _values = new(StringComparer.OrdinalIgnoreCase);

    // Interface properties ask by member name; [Parameter(Name = ...)] may have given the parameter another.
    private readonly Dictionary<string, string> _nameOfMember = new(StringComparer.Ordinal);

    public static ParameterValues Resolve(IReadOnlyList<ParameterDescriptor> parameters, ParameterSources sources,
        string rootDirectory, SecretMasker masker)
    {
        var values = new ParameterValues();
        foreach (var parameter in parameters)
        {
            values._nameOfMember.TryAdd(parameter.Member.Name, parameter.Name);
            if (sources.Find(parameter) is not { } raw) continue;
            var value = ParameterConverter.Convert(parameter, raw, rootDirectory);
            values._values[parameter.Name] = (value, raw.Source);
            if (parameter.IsSecret) AddSecret(masker, value);
        }
        return values;
    }

    /// <summary>Registers the secrets' current values, defaults included, once the build can be read.</summary>
    public void AddSecrets(IReadOnlyList<ParameterDescriptor> parameters, SecretMasker masker)
    {
        foreach (var parameter in parameters.Where(p => p.IsSecret))
            AddSecret(masker, _values.TryGetValue(parameter.Name, out var entry) ? entry.Value : Read(parameter));
    }

    private static void AddSecret(SecretMasker masker, object? value)
    {
        if (value is string[] many)
            foreach (var one in many) masker.Add(one);
        else
            masker.Add(value?.ToString());
    }

    // Values injected by attributes ([Solution], [GitRepository], ...) into interface members, which ask TryGetValue.
    private readonly Dictionary<string, object?> _injected = new(StringComparer.Ordinal);

    public void SetInjected(string memberName, object? value) => _injected[memberName] = value;

    /// <summary>The value of the parameter declared by the member of this name.</summary>
    public bool TryGet(string memberName, out object? value)
    {
        if (_injected.TryGetValue(memberName, out value)) return true;
        var found = _values.TryGetValue(_nameOfMember.GetValueOrDefault(memberName, memberName), out var entry);
        value = entry.Value;
        return found;
    }

    /// <summary>The resolved value of a parameter by its name, when some source gave one.</summary>
    public object? ValueOf(string parameterName) => _values.TryGetValue(parameterName, out var entry) ? entry.Value : null;

    /// <summary>Where a parameter's value came from ("the command line", "the environment variable LIFTOFF_ENV", a file), for messages.</summary>
    public string SourceOf(string parameterName) => _values.TryGetValue(parameterName, out var entry) ? entry.Source : "the default";

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

        if (value is null or string { Length: 0 } or Array { Length: 0 }) return "";
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
