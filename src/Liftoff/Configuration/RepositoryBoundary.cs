namespace Liftoff.Configuration;

/// <summary>
/// The repository's edge, drawn at real paths: every file Liftoff ships (into an artifact or a site bucket) must
/// resolve, with every symlink along its path followed, inside the repository. Links a package manager made inside
/// node_modules (node_modules/.bin, pnpm's node_modules/.pnpm) resolve inside it and pass; `npm link` to another
/// checkout, a source folder linked from elsewhere, or a link to ~/.aws/credentials do not.
/// </summary>
public sealed class RepositoryBoundary
{
    public RepositoryBoundary(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        RealRoot = RealPath.Of(Root);
    }

    /// <summary>The repository as the build names it.</summary>
    public string Root { get; }

    /// <summary>Where the repository really is (the root itself may be reached through a link).</summary>
    public string RealRoot { get; }

    /// <summary>Whether the bytes at this path (every link followed) are inside the repository.</summary>
    public bool Contains(string path) => RealPath.IsInside(RealPath.Of(path), RealRoot);

    /// <summary>
    /// Null when the path resolves inside the repository; otherwise the first link along it, from the root down,
    /// that leads out, and where it leads.
    /// </summary>
    public RepositoryEscape? EscapeOf(string path)
    {
        var full = Path.GetFullPath(path);
        var real = RealPath.Of(full);
        if (RealPath.IsInside(real, RealRoot)) return null;
        if (!RealPath.IsInside(full, Root)) return new RepositoryEscape(full, real, this);

        var prefix = Root;
        foreach (var segment in Path.GetRelativePath(Root, full).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            prefix = Path.Combine(prefix, segment);
            var leadsTo = RealPath.Of(prefix);
            if (!RealPath.IsInside(leadsTo, RealRoot)) return new RepositoryEscape(prefix, leadsTo, this);
        }
        return new RepositoryEscape(full, real, this);
    }

    /// <summary>A path relative to the repository, with forward slashes, for messages.</summary>
    public string Relative(string path) =>
        RealPath.IsInside(path, Root) ? Path.GetRelativePath(Root, path).Replace('\\', '/') : path;
}

/// <summary>A link that leads out of the repository: the link (as found in the tree) and its real target.</summary>
public sealed record RepositoryEscape(string Link, string Target, RepositoryBoundary Boundary)
{
    /// <summary>"'projects/a/api/creds' is a symlink to /home/me/.aws/credentials, outside the repository (/work/repo)".</summary>
    public override string ToString() =>
        $"'{Boundary.Relative(Link)}' {(IsLink(Link) ? "is a symlink to" : "resolves to")} {Target}, outside the repository ({Boundary.Root})";

    private static bool IsLink(string path)
    {
        try { return new FileInfo(path).LinkTarget is not null; }
        catch (IOException) { return false; }
    }
}
