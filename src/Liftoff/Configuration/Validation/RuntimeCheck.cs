using System.Text.RegularExpressions;
using Liftoff.Configuration.Model;
using Liftoff.Configuration.Runtimes;
using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Validation;

/// <summary>
/// Holds each function's runtime against AWS's runtime lifecycle: a blocked or unknown runtime is an error,
/// a deprecated one a warning with its block date. Runtimes are build inputs, the same in every
/// environment, so this runs once per project.
/// </summary>
internal static class RuntimeCheck
{
    public static void Check(
        IReadOnlyDictionary<string, FunctionDefinition>? functions, SourceMap map, RuntimeLifecycle lifecycle, DateOnly today,
        ICollection<ConfigurationError> errors, ICollection<ConfigurationError> warnings)
    {
        foreach (var (name, function) in functions ?? new Dictionary<string, FunctionDefinition>())
        {
            // A runtime of another shape was already reported by the binder (FunctionDefinition.RuntimePattern).
            if (function.Runtime is not { } runtime || !Regex.IsMatch(runtime, FunctionDefinition.RuntimePattern)) continue;
            var verdict = lifecycle.Judge(runtime, today);
            var where = map.Where(function, nameof(function.Runtime));
            var message = $"'functions.{name}.runtime': {verdict.Message}";
            switch (verdict.Standing)
            {
                case RuntimeStanding.Blocked or RuntimeStanding.Unknown:
                    errors.Add(where.Error(message));
                    break;
                case RuntimeStanding.Deprecated:
                    warnings.Add(where.Error(message));
                    break;
            }
        }
    }
}
