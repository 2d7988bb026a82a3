namespace Liftoff.Engine;

/// <summary>A full, normalised file-system path; `root / "artifacts" / "manifest.json"` joins.</summary>
public readonly record struct AbsolutePath
{
    private AbsolutePath(string value) => Value = value;

    public string Value { get; }

    public static AbsolutePath Create(string path, string? relativeTo = null) =>
        new(Path.GetFullPath(relativeTo is null ? path : Path.Combine(relativeTo, path)));

    public static AbsolutePath operator /(AbsolutePath left, string right) => new(Path.GetFullPath(Path.Combine(left.Value, right)));

    public static implicit operator string(AbsolutePath path) => path.Value;

    public AbsolutePath Parent => new(Path.GetDirectoryName(Value) ?? Value);
    public string Name => Path.GetFileName(Value);

    public override string ToString() => Value;
}
