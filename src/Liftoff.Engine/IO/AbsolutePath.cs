namespace Liftoff.Engine.IO;

/// <summary>
/// A full, normalised file-system path, as NUKE's: <c>RootDirectory / "src" / "App.csproj"</c> joins, <c>path + ".zip"</c>
/// appends to the last segment, and a path converts to a string wherever one is expected.
/// </summary>
public sealed class AbsolutePath : IEquatable<AbsolutePath>
{
    private AbsolutePath(string value) => Value = value;

    public string Value { get; }

    public static AbsolutePath Create(string path, string? relativeTo = null) =>
        new(Normalize(relativeTo is null ? path : Path.Combine(relativeTo, path)));

    public static AbsolutePath operator /(AbsolutePath left, string? right) =>
        string.IsNullOrEmpty(right) ? left : new(Normalize(Path.Combine(left.Value, right)));

    /// <summary>Appends to the last segment: <c>ArtifactsDirectory / "app" + ".zip"</c>.</summary>
    public static AbsolutePath operator +(AbsolutePath left, string right) => new(Normalize(left.Value + right));

    public static implicit operator string(AbsolutePath path) => path.Value;

    /// <summary>A full path from text; relative text is taken from the current directory, as NUKE does.</summary>
    public static explicit operator AbsolutePath(string path) => Create(path);

    public static bool operator ==(AbsolutePath? left, AbsolutePath? right) => Equals(left, right);
    public static bool operator !=(AbsolutePath? left, AbsolutePath? right) => !Equals(left, right);

    public AbsolutePath Parent => new(Path.GetDirectoryName(Value) ?? Value);
    public string Name => Path.GetFileName(Value);
    public string NameWithoutExtension => Path.GetFileNameWithoutExtension(Value);
    public string Extension => Path.GetExtension(Value);

    public bool Equals(AbsolutePath? other) => other is not null && string.Equals(Value, other.Value, Comparison);
    public override bool Equals(object? obj) => obj is AbsolutePath other && Equals(other);
    public override int GetHashCode() => Comparison == StringComparison.Ordinal ? Value.GetHashCode() : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    public override string ToString() => Value;

    private static StringComparison Comparison => OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    // Path.GetFullPath keeps a trailing separator; NUKE's paths never end in one (except the file-system root).
    private static string Normalize(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "";
        return full.Length > root.Length ? full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : full;
    }
}
