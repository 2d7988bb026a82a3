using System.Text.Json.Serialization;

namespace Liftoff.Packaging;

/// <summary>
/// The manifest's types described at compile time: every Package, Upload and Deploy reads the manifest, and building
/// its metadata by reflection cost more than reading it. The settings stay the manifest's own options.
/// </summary>
[JsonSerializable(typeof(ArtifactManifest))]
internal sealed partial class ArtifactManifestJson : JsonSerializerContext;
