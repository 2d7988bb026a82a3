using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Validation;

/// <summary>Turns a path written in configuration into an absolute one, refusing what lies outside the repository.</summary>
internal sealed class RepositoryPaths(string root, ICollection<ConfigurationError> errors)
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    private readonly RepositoryBoundary _boundary = new(root);

    public string Relative(string path) => Path.GetRelativePath(_root, path).Replace('\\', '/');

    /// <returns>The absolute path, or null when it is outside the repository or (mustExist) missing; the error is added.</returns>
    public string? Resolve(string baseDirectory, string written, string key, SourceLocation where, PathKind kind, bool mustExist = true)
    {
        var full = Path.GetFullPath(Path.Combine(baseDirectory, written));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            errors.Add(where.Error($"'{key}' is '{written}', which is outside the repository ({full}); " +
                                   "keep every project file inside the repository so CI sees the same files"));
            return null;
        }
        var exists = kind == PathKind.File ? File.Exists(full) : Directory.Exists(full);
        // The text stays inside; the bytes must too: a source folder that is a link out would ship whatever it points at.
        if (exists && _boundary.EscapeOf(full) is { } escape)
        {
            errors.Add(where.Error($"'{key}' is '{written}', but {escape}; keep the files inside the repository " +
                                   "(move or copy them in, or point the link at a folder inside it)"));
            return null;
        }
        if (!mustExist || exists) return full;

        var noun = kind == PathKind.File ? "file" : "folder";
        var message = $"'{key}': {noun} '{Relative(full)}' does not exist";
        var parent = Path.GetDirectoryName(full);
        if (parent is not null && Directory.Exists(parent))
        {
            var siblings = (kind == PathKind.File ? Directory.GetFiles(parent) : Directory.GetDirectories(parent))
                .Select(Path.GetFileName).OfType<string>().ToList();
            var nearest = Suggestions.Nearest(Path.GetFileName(full), siblings);
            if (nearest is not null) message += $"; did you mean '{Relative(Path.Combine(parent, nearest))}'?";
        }
        errors.Add(where.Error(message));
        return null;
    }
}

internal enum PathKind { File, Directory }
