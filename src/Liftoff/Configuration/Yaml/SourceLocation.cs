using YamlDotNet.Core;

namespace Liftoff.Configuration.Yaml;

/// <summary>A place in a configuration file: File relative to the repository root, 1-based Line and Column.</summary>
internal sealed record SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    public ConfigurationError Error(string message) => new(File, Line, Column, message);
}
