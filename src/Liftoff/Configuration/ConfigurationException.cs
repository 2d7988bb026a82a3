namespace Liftoff.Configuration;

/// <summary>Every configuration error found, reported together so a user fixes them in one pass.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(IEnumerable<ConfigurationError> errors)
        : this(Sort(errors))
    {
    }

    private ConfigurationException(IReadOnlyList<ConfigurationError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ConfigurationError> Errors { get; }

    private static IReadOnlyList<ConfigurationError> Sort(IEnumerable<ConfigurationError> errors) =>
        errors.Distinct()
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Line)
            .ThenBy(e => e.Column)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToList();

    private static string Describe(IReadOnlyList<ConfigurationError> errors)
    {
        var noun = errors.Count == 1 ? "error" : "errors";
        return $"The configuration has {errors.Count} {noun}:{Environment.NewLine}" +
               string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
