using System.Text.Json;
using System.Text.Json.Serialization;

namespace Liftoff.Ci.Affected;

/// <summary>One project whose inputs changed, with the changed paths (or the shared file) that make it so.</summary>
public sealed record AffectedProject(string Project, IReadOnlyList<string> Reasons);

/// <summary>
/// What <c>./build.sh Affected --base REF</c> found: the projects to deploy, and why. <see cref="Everything"/> when a
/// shared input changed or the base could not be compared (then <see cref="Note"/> says why): deploying every
/// project is safe, since the no-op fast path skips those with nothing new.
/// </summary>
public sealed record AffectedReport(
    string? Base,
    string? MergeBase,
    bool Everything,
    string? Note,
    IReadOnlyList<AffectedProject> Projects,
    IReadOnlyList<string> Removed)
{
    public IReadOnlyList<string> ProjectNames => Projects.Select(p => p.Project).ToList();

    /// <summary>One line of JSON (a workflow step puts it into $GITHUB_OUTPUT): projects is the matrix.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        @base = Base,
        mergeBase = MergeBase,
        everything = Everything,
        note = Note,
        projects = ProjectNames,
        reasons = Projects.ToDictionary(p => p.Project, p => p.Reasons),
        removed = Removed,
    }, Options);

    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
}
