namespace Liftoff.Configuration;

/// <summary>
/// A path with every symlink along it resolved (what realpath(3) gives), so "is this inside the project"
/// is asked of where the bytes really are, not of what the link's text says.
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40; // Linux's own limit before ELOOP

    public static StringComparison Comparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var remaining = new Stack<string>(Segments(full[current.Length..]).Reverse());
        var links = 0;
        while (remaining.TryPop(out var part))
        {
            if (part == ".") continue;
            if (part == "..") { current = Path.GetDirectoryName(current) ?? current; continue; }
            var next = Path.Combine(current, part);
            var target = LinkTarget(next);
            if (target is null) { current = next; continue; }
            if (++links > MaxLinks) throw new IOException($"Too many levels of symbolic links resolving {path}: a link points, through others, back at itself.");
            if (Path.IsPathRooted(target)) current = Path.GetPathRoot(Path.GetFullPath(target))!;
            var rootLength = Path.IsPathRooted(target) ? Path.GetPathRoot(target)!.Length : 0;
            foreach (var segment in Segments(target[rootLength..]).Reverse()) remaining.Push(segment);
        }
        return current;
    }

    public static bool IsInside(string realPath, string realRoot) =>
        string.Equals(realPath, realRoot, Comparison) ||
        realPath.StartsWith(Path.TrimEndingDirectorySeparator(realRoot) + Path.DirectorySeparatorChar, Comparison);

    private static string? LinkTarget(string path)
    {
        try { return new FileInfo(path).LinkTarget; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static IEnumerable<string> Segments(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
