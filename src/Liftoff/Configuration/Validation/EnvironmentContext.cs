using Liftoff.Configuration.Model;
using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Validation;

/// <summary>One environment of environments.yaml, bound, with where its values were written.</summary>
internal sealed record EnvironmentContext(
    string Name,
    EnvironmentDefinition Definition,
    SourceMap Map,
    string Region,
    string ArtifactBucket)
{
    public IReadOnlyDictionary<string, string?> PlaceholderValues(string? project) => new Dictionary<string, string?>
    {
        ["project"] = project,
        ["env"] = Name,
        ["region"] = Region,
        ["accountId"] = Definition.AccountId,
    };
}
