using System.Reflection;
using Amazon.Runtime;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// Checks the request and response types of an operation, and every type reached from them, against the
/// model's shapes as the official SDK names them: class names, property names (each a member of the
/// shape), property types (structure, List, Dictionary, enumeration class, scalar), enumeration values,
/// and, on the input side, a settable property for every required member.
/// </summary>
public sealed class ShapeConformance
{
    private readonly ServiceModel _model;
    private readonly string _title;
    private readonly List<string> _findings = [];
    private readonly HashSet<(Type, string, bool)> _visited = [];

    private ShapeConformance(ServiceModel model, string title)
    {
        _model = model;
        _title = title;
    }

    private string ServiceId => _model.ServiceId;

    public static IReadOnlyList<string> Check(CatalogedOperation operation, ServiceModel model)
    {
        var check = new ShapeConformance(model, operation.Title);
        if (!model.HasOperation(operation.Name))
            return [$"{operation.Title}: the model ({model.Folder}) has no operation named {operation.Name}."];
        var operationModel = model.Operation(operation.Name);
        check.Top(operation.Request, SdkNames.Request(operation.Name), typeof(AmazonWebServiceRequest), operationModel.Input, input: true);
        check.Top(operation.Response, SdkNames.Response(operation.Name), typeof(AmazonWebServiceResponse), operationModel.Output, input: false);
        return check._findings;
    }

    private void Report(string finding) => _findings.Add($"{_title}: {finding}");

    private void Top(Type type, string sdkName, Type sdkBase, Shape? shape, bool input)
    {
        if (type.Name != sdkName)
            Report($"{type.Name} is named {sdkName} in the official SDK.");
        if (!type.IsSubclassOf(sdkBase))
            Report($"{type.Name} does not derive from {sdkBase.Name}, as the official SDK's {sdkName} does.");
        if (shape is not null)
            Walk(type, shape, input);
        else if (ShapeBinding.OwnProperties(type).Any())
            Report($"{type.Name} has properties, but the model's {(input ? "input" : "output")} is empty.");
    }

    private void Walk(Type type, Shape shape, bool input)
    {
        if (!_visited.Add((type, shape.Name, input)))
            return;
        foreach (var property in ShapeBinding.OwnProperties(type))
        {
            if (SdkNames.AddedBesides(ServiceId, type.Name, property.Name) is { } standsFor)
            {
                if (type.GetProperty(standsFor) is null)
                    Report($"{type.Name}.{property.Name} is the official SDK's alias of {standsFor}, which {type.Name} lacks.");
                continue;
            }
            var member = shape.Members.FirstOrDefault(m => SdkNames.Property(ServiceId, shape.Name, m.Name) == property.Name);
            if (member is null)
            {
                var near = shape.Members.FirstOrDefault(m => string.Equals(m.Name, property.Name, StringComparison.OrdinalIgnoreCase));
                Report($"{type.Name}.{property.Name} is no member of the model's shape {shape.Name}" +
                       (near is null ? "." : $"; the SDK names member {near.Name} {SdkNames.Property(ServiceId, shape.Name, near.Name)}."));
                continue;
            }
            CheckType(property.PropertyType, member.Target, $"{type.Name}.{property.Name}", input, enumAsString: false);
        }
        if (input)
            foreach (var required in shape.Required)
            {
                var name = SdkNames.Property(ServiceId, shape.Name, required);
                var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
                if (property is null || !property.CanWrite || !property.SetMethod!.IsPublic)
                    Report($"the model requires {shape.Name}.{required}, but {type.Name} has no settable property {name}.");
            }
    }

    private void CheckType(Type type, Shape target, string where, bool input, bool enumAsString)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsStructure)
        {
            var sdkName = SdkNames.Structure(ServiceId, target.Name);
            if (type.Name != sdkName)
                Report($"{where} is a {type.Name}; the official SDK's type for shape {target.Name} is {sdkName}.");
            if (type.IsClass && type != typeof(string))
                Walk(type, target, input);
            return;
        }
        if (target.IsList)
        {
            if (ShapeBinding.ItemType(type) is { } item)
                CheckType(item, target.Item.Target, $"{where}[]", input, enumAsString: true);
            else
                Report($"{where} is a {Describe(type)}; the model's {target.Name} is a list (List<…> in the official SDK).");
            return;
        }
        if (target.IsMap)
        {
            if (ShapeBinding.MapTypes(type) is { } map)
            {
                CheckType(map.Key, target.Key.Target, $"{where} key", input, enumAsString: true);
                CheckType(map.Value, target.Item.Target, $"{where}[]", input, enumAsString: true);
            }
            else
                Report($"{where} is a {Describe(type)}; the model's {target.Name} is a map (Dictionary<…> in the official SDK).");
            return;
        }
        CheckScalar(type, target, where, enumAsString);
    }

    private void CheckScalar(Type type, Shape target, string where, bool enumAsString)
    {
        // The SDK types a member of an enumeration shape as its ConstantClass; list items and map values stay strings.
        if (target.IsEnum && !enumAsString)
        {
            if (type.Name != target.Name || !type.IsSubclassOf(typeof(ConstantClass)))
                Report($"{where} is a {Describe(type)}; the official SDK types enumeration {target.Name} as the constant class {target.Name}.");
            else
                CheckConstants(type, target);
            return;
        }
        var expected = target.Type switch
        {
            "string" => typeof(string),
            "integer" => typeof(int),
            "long" => typeof(long),
            "boolean" => typeof(bool),
            "double" => typeof(double),
            "float" => typeof(float),
            "timestamp" => typeof(DateTime),
            "blob" => typeof(MemoryStream),
            _ => null,
        };
        if (expected != type)
            Report($"{where} is a {Describe(type)}; the model's {target.Name} is a {target.Type} ({(expected is null ? "not modelled here" : Describe(expected))} in the official SDK).");
    }

    private void CheckConstants(Type type, Shape target)
    {
        if (!_visited.Add((type, target.Name, false)))
            return;
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == type))
        {
            var value = ((ConstantClass)field.GetValue(null)!).Value;
            if (!target.EnumValues.Contains(value))
                Report($"{type.Name}.{field.Name} is '{value}', which is no value of the model's {target.Name} ({string.Join(", ", target.EnumValues)}).");
        }
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(string) => "string",
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "long",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(double) => "double",
        _ when ShapeBinding.ItemType(type) is { } item => $"List<{Describe(item)}>",
        _ when ShapeBinding.MapTypes(type) is { } map => $"Dictionary<{Describe(map.Key)}, {Describe(map.Value)}>",
        _ => type.Name,
    };
}
