namespace Liftoff.Packaging.Zip;

/// <summary>
/// The MS-DOS date and time a ZIP header stores: local time by the format's letter, UTC here so the same
/// inputs give the same bytes in every time zone. Two-second resolution, years 1980-2107.
/// </summary>
public readonly record struct DosDateTime(ushort Date, ushort Time)
{
    public static DateTimeOffset Minimum { get; } = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Maximum = new(2107, 12, 31, 23, 59, 58, TimeSpan.Zero);

    /// <summary>Clamps to the representable range and rounds down to an even second.</summary>
    public static DosDateTime From(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        if (utc < Minimum) utc = Minimum;
        if (utc > Maximum) utc = Maximum;
        var date = (ushort)(((utc.Year - 1980) << 9) | (utc.Month << 5) | utc.Day);
        var time = (ushort)((utc.Hour << 11) | (utc.Minute << 5) | (utc.Second / 2));
        return new DosDateTime(date, time);
    }
}
