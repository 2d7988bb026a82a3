using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Templates;

/// <summary>Where a function's (or layer's) code comes from, as its template says.</summary>
internal abstract record TemplateCode(SourceLocation Location);

/// <summary>
/// A local folder, as <c>sam build</c> and <c>aws cloudformation package</c> read CodeUri, Code or
/// ContentUri: Liftoff packages it and rewrites the location to the uploaded artifact. Path is relative to the
/// template's folder; null when the template names no code at all (project.yaml's source then says where).
/// </summary>
internal sealed record LocalCode(string? Path, SourceLocation Location) : TemplateCode(Location);

/// <summary>Liftoff's parameter contract: S3Key: !Ref &lt;Fn&gt;CodeKey (and S3Bucket: !Ref ArtifactBucket).</summary>
internal sealed record ParameterCode(string KeyParameter, string? BucketParameter, SourceLocation Location) : TemplateCode(Location);

/// <summary>Code Liftoff does not build: inline code, a container image or a fixed S3 object, described for messages.</summary>
internal sealed record ForeignCode(string What, SourceLocation Location) : TemplateCode(Location);

/// <summary>A literal value written in the template, and where.</summary>
internal sealed record TemplateText(string Value, SourceLocation Location);
