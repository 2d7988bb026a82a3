namespace Liftoff.Invoking.Local;

/// <summary>
/// The bootstrap scripts that stand in for Lambda's Node.js and Python runtimes (embedded in Liftoff, written
/// once to a folder so the runtimes can run them as files).
/// </summary>
internal static class LocalRuntimeScripts
{
    public const string Node = "bootstrap.cjs";
    public const string Python = "bootstrap.py";

    /// <summary>Writes both scripts below <paramref name="directory"/> when missing or changed; returns the folder.</summary>
    public static async Task<string> WriteAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        foreach (var name in new[] { Node, Python })
        {
            var text = Read(name);
            var path = Path.Combine(directory, name);
            if (File.Exists(path) && await File.ReadAllTextAsync(path, cancellationToken) == text) continue;
            var temporary = path + "." + Guid.NewGuid().ToString("N")[..8];
            await File.WriteAllTextAsync(temporary, text, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        return directory;
    }

    private static string Read(string name)
    {
        using var stream = typeof(LocalRuntimeScripts).Assembly.GetManifestResourceStream($"Liftoff.Invoking.Local.Runtime.{name}")
            ?? throw new InvalidOperationException($"The runtime script {name} is not embedded in Liftoff.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
