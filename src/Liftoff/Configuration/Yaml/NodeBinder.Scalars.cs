using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration.Yaml;

// Plain values: parsed to the property's type, then checked against its range, allowed values, pattern and length.
internal sealed partial class NodeBinder
{
    private object? BindScalar(Type type, YamlNode node, string path)
    {
        if (node is not YamlScalarNode { Value: { } text })
        {
            Error(node, $"'{path}' expects {Expected(type)}, found {Describe(node)}");
            return null;
        }
        if (type == typeof(string)) return text;
        if (type == typeof(int))
        {
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) return number;
            Error(node, $"'{path}' expects a whole number, found '{text}'");
            return null;
        }
        if (type == typeof(bool))
        {
            if (text is "true" or "True" or "TRUE") return true;
            if (text is "false" or "False" or "FALSE") return false;
            Error(node, $"'{path}' expects true or false, found '{text}'");
            return null;
        }
        throw new NotSupportedException($"Configuration values of type {type} are not supported.");
    }

    private void Check(ModelKey key, object value, YamlNode node, string path)
    {
        switch (value)
        {
            case int number when key.Range is { } range && (number < (int)range.Minimum || number > (int)range.Maximum):
                Error(node, $"'{path}' is {number}; allowed: {range.Minimum} to {range.Maximum}");
                break;
            case string text when key.Allowed is { } allowed && !allowed.Contains(text, StringComparer.Ordinal):
                var nearest = Suggestions.Nearest(text, allowed);
                Error(node, $"'{path}' is '{text}', which is not supported; allowed: {string.Join(", ", allowed)}" +
                            (nearest is null ? "" : $" (did you mean '{nearest}'?)"));
                break;
            case string text when key.Pattern is { } pattern && !Regex.IsMatch(text, pattern.Pattern):
                Error(node, $"'{path}' is '{text}'; expected {pattern.ErrorMessage}");
                break;
            case System.Collections.ICollection collection when key.MinLength is { } min && collection.Count < min:
                Error(node, $"'{path}' is empty; give at least {min}");
                break;
        }
    }
}
