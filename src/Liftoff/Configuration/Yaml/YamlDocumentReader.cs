using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration.Yaml;

/// <summary>Reads one YAML file into YamlDotNet's node model, turning parser errors into configuration errors.</summary>
internal static class YamlDocumentReader
{
    /// <returns>The root node, or null when the file is empty or not valid YAML (the error is added).</returns>
    public static async Task<YamlNode?> ReadAsync(
        string path, string file, ICollection<ConfigurationError> errors, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(text, file, errors);
    }

    public static YamlNode? Parse(string text, string file, ICollection<ConfigurationError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add(SourceLocation.At(file, e.Start).Error($"not valid YAML: {Describe(e)}"));
            return null;
        }

        if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode))
        {
            errors.Add(new ConfigurationError(file, 1, 1, "the file is empty; see the schema in schemas/ for what it holds"));
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            errors.Add(SourceLocation.At(file, second.Start).Error("holds more than one YAML document (a second '---'); keep one"));
        }
        return stream.Documents[0].RootNode;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar &&
        (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

    private static string Describe(YamlException e)
    {
        // The innermost message is the parser's own ("did not find expected key"); the outer ones repeat the position.
        Exception inner = e;
        while (inner.InnerException is YamlException deeper) inner = deeper;
        var message = inner.Message;
        var paren = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && paren > 0) message = message[(paren + 3)..];
        const string duplicate = "Duplicate key ";
        if (message.StartsWith(duplicate, StringComparison.Ordinal))
            return $"the key '{message[duplicate.Length..]}' appears twice in the same mapping; keep one";
        return message.TrimEnd('.');
    }
}
