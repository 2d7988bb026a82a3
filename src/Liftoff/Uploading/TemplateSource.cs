namespace Liftoff.Uploading;

/// <summary>
/// How a change set gets its template: inline (<see cref="Body"/>) when it fits CloudFormation's limit,
/// otherwise a <see cref="Url"/> to the copy in the artifact bucket. Exactly one of the two is set.
/// </summary>
public sealed record TemplateSource(string Sha256Hex, long SizeBytes, string? Body, string? Url, string? Key)
{
    public bool IsInline => Body is not null;
}
