namespace Liftoff.Packaging.Zip;

/// <summary>Rules for names inside an artifact: relative, forward slashes, no way to climb out on extract.</summary>
public static class EntryName
{
    /// <summary>Throws a <see cref="PackagingException"/> naming the entry when it could escape the extract folder.</summary>
    public static void Validate(string name)
    {
        string? problem = null;
        if (name.Length == 0) problem = "is empty";
        else if (name[0] == '/' || (name.Length > 1 && name[1] == ':')) problem = "is an absolute path";
        else if (name.Contains('\\')) problem = "contains a backslash, which some unzip tools read as a folder separator";
        else if (name.Any(char.IsControl)) problem = "contains a control character";
        else
        {
            foreach (var segment in name.Split('/'))
            {
                if (segment is "..") { problem = "contains '..'"; break; }
                if (segment is "." or "") { problem = "contains an empty or '.' path segment"; break; }
            }
        }
        if (problem is not null)
            throw new PackagingException($"The entry name '{name}' {problem}. Rename the file in the staging folder or exclude it.");
    }

    /// <summary>Ordinal order of the UTF-16 names, the same on every machine and culture.</summary>
    public static StringComparer Order => StringComparer.Ordinal;
}
