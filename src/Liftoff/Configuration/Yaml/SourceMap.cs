namespace Liftoff.Configuration.Yaml;

/// <summary>
/// Where each bound value came from, so checks that run after binding (a missing folder, a name too long)
/// can still point at the file, line and column the user wrote. Keyed by object identity, since the
/// model's records compare by value.
/// </summary>
internal sealed class SourceMap
{
    private const string Self = "";

    /// <summary>Member under which an entry of a name-keyed mapping (a function) records where its name is written.</summary>
    public const string Key = "<key>";
    private readonly Dictionary<object, Dictionary<string, SourceLocation>> _locations = new(ReferenceEqualityComparer.Instance);

    public void Record(object owner, string member, SourceLocation location)
    {
        if (!_locations.TryGetValue(owner, out var members))
            _locations[owner] = members = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        members[member] = location;
    }

    public void RecordSelf(object owner, SourceLocation location) => Record(owner, Self, location);

    /// <summary>The value of the member (a property name, a dictionary key or a list index); the owner itself when the member was not written.</summary>
    public SourceLocation Where(object owner, string member)
    {
        if (_locations.TryGetValue(owner, out var members))
        {
            if (members.TryGetValue(member, out var location)) return location;
            if (members.TryGetValue(Self, out var self)) return self;
        }
        throw new InvalidOperationException($"No source location was recorded for {owner.GetType().Name}.{member}.");
    }

    public SourceLocation WhereIs(object owner) => Where(owner, Self);

    /// <summary>Whether a location is known for the member itself (not only for its owner).</summary>
    public bool Has(object owner, string member) =>
        _locations.TryGetValue(owner, out var members) && members.ContainsKey(member);

    /// <summary>Gives <paramref name="to"/> (a copy made with <c>with</c>) every location recorded for <paramref name="from"/>.</summary>
    public void CopyLocations(object from, object to)
    {
        if (_locations.TryGetValue(from, out var members))
            _locations[to] = new Dictionary<string, SourceLocation>(members, StringComparer.Ordinal);
    }
}
