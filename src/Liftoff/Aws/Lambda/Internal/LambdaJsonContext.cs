using System.Text.Json.Serialization;
using Liftoff.Aws.Lambda.Model;

namespace Liftoff.Aws.Lambda.Internal;

/// <summary>
/// Lambda's answers described at compile time, so reading one builds no metadata by reflection: in a run of a second
/// (a no-op deploy reads an alias and a function per project) building it was most of what reading cost. Settings
/// (names, nulls, SDK constants, timestamps) stay <see cref="Liftoff.Aws.Runtime.Protocols.AwsJson"/>'s; request
/// bodies, built as anonymous objects, are still described by reflection.
/// </summary>
[JsonSerializable(typeof(GetFunctionResponse))]
[JsonSerializable(typeof(GetFunctionConfigurationResponse))]
[JsonSerializable(typeof(UpdateFunctionCodeResponse))]
[JsonSerializable(typeof(PublishVersionResponse))]
[JsonSerializable(typeof(ListVersionsByFunctionResponse))]
[JsonSerializable(typeof(GetAliasResponse))]
[JsonSerializable(typeof(CreateAliasResponse))]
[JsonSerializable(typeof(UpdateAliasResponse))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;
