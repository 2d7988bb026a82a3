using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Liftoff.Configuration.Model;

/// <summary>How traffic moves to a new function version, as written.</summary>
public sealed record RolloutDefinition
{
    public const string AllAtOnce = "all-at-once";
    public const string Canary = "canary";
    public const string Linear = "linear";

    [Required, AllowedValues(AllAtOnce, Canary, Linear)]
    [Description("all-at-once, canary (percent, then all) or linear (percent more every interval).")]
    public string? Strategy { get; init; }

    [Range(1, 99)]
    [Description("canary: share of traffic on the new version first; linear: share added per step.")]
    public int? Percent { get; init; }

    [Range(0, 1440)]
    [Description("Minutes to watch the alarms between two shifts.")]
    public int? IntervalMinutes { get; init; }
}
