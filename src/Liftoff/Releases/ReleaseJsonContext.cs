using System.Text.Json.Serialization;

namespace Liftoff.Releases;

/// <summary>
/// Release records described at compile time: a deploy reads the live release of every project before it decides, and
/// building the record's metadata by reflection cost more than reading it. The settings stay <see cref="ReleaseJson"/>'s.
/// </summary>
[JsonSerializable(typeof(Release))]
[JsonSerializable(typeof(IReadOnlyList<Release>))]
internal sealed partial class ReleaseJsonContext : JsonSerializerContext;
