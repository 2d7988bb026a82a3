namespace Liftoff.Engine.CI;

/// <summary>
/// Part <see cref="Part"/> of <see cref="Total"/> of a split CI job (<c>--partition 2/3</c>), as NUKE's: each job takes
/// its share of a list with <see cref="GetCurrent{T}"/>. Outside a split, the single part is everything.
/// </summary>
public sealed record Partition(int Part, int Total)
{
    public static Partition Single { get; } = new(1, 1);

    /// <summary>This part's items: the list cut into Total consecutive chunks, sizes differing by at most one.</summary>
    public IEnumerable<T> GetCurrent<T>(IEnumerable<T> items)
    {
        var all = items.ToList();
        var size = all.Count / Total;
        var larger = all.Count % Total;
        var start = (Part - 1) * size + Math.Min(Part - 1, larger);
        return all.Skip(start).Take(size + (Part <= larger ? 1 : 0));
    }

    public override string ToString() => $"{Part}/{Total}";

    /// <summary>"2/3"; null with a message when the text is not a part of a whole.</summary>
    public static Partition? Parse(string text, out string? error)
    {
        var parts = text.Split('/');
        error = null;
        if (parts.Length == 2 && int.TryParse(parts[0], out var part) && int.TryParse(parts[1], out var total) && total >= 1 && part >= 1 && part <= total)
            return new Partition(part, total);
        error = $"--partition expects <part>/<total> with 1 <= part <= total, e.g. 2/3, but got '{text}'.";
        return null;
    }
}

/// <summary>Injects the run's <see cref="Partition"/> into a member; the total must match --partition's.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class PartitionAttribute(int total) : Attribute
{
    public int Total { get; } = total;
}
