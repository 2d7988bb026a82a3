namespace Liftoff.Configuration.Yaml;

/// <summary>Configuration's wording around the engine's "did you mean" (Liftoff.Engine.Suggestions).</summary>
internal static class Suggestions
{
    public static string? Nearest(string word, IEnumerable<string> known) => Engine.Suggestions.Nearest(word, known);

    /// <summary>"did you mean 'x'?" when one is near, else the list of what is allowed.</summary>
    public static string Hint(string word, IReadOnlyCollection<string> known, string allowedNoun)
    {
        var nearest = Nearest(word, known);
        return nearest is not null
            ? $"did you mean '{nearest}'?"
            : $"{allowedNoun}: {string.Join(", ", known)}";
    }
}
