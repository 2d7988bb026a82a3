using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Liftoff.Configuration.Model;

/// <summary>A project's static front end, as written.</summary>
public sealed record FrontEndDefinition
{
    [Required, BuildInput]
    [Description("Source folder, relative to the project folder.")]
    public string? Source { get; init; }

    [Required, BuildInput]
    [Description("Command run in the source folder that writes the site into the output folder.")]
    public string? Build { get; init; }

    [Required, BuildInput]
    [Description("Folder the build writes, relative to the project folder.")]
    public string? Output { get; init; }
}
