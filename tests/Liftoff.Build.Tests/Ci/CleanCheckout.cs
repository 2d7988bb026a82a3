namespace Liftoff.Build.Tests.Ci;

/// <summary>
/// What a clean checkout holds of the files GenerateCi reads and writes (configuration, projects, .nuke, the CI
/// files), copied to a temporary folder so a run of the real target never touches the working tree.
/// </summary>
internal sealed class CleanCheckout : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "liftoff-checkout-" + Guid.NewGuid().ToString("N")[..12]);

    public static CleanCheckout Copy()
    {
        var checkout = new CleanCheckout();
        foreach (var file in new[] { "environments.yaml", "buildspec.yml" })
            File.Copy(Path.Combine(Repository.Root, file), Path.Combine(checkout.Root, file));
        foreach (var folder in new[] { "projects", ".github", ".nuke" })
            CopyTree(Path.Combine(Repository.Root, folder), Path.Combine(checkout.Root, folder));
        return checkout;
    }

    private CleanCheckout() => Directory.CreateDirectory(Root);

    /// <summary>Every file's path and text, to compare before and after.</summary>
    public string Snapshot() => string.Join("\n", Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        .Select(f => Path.GetRelativePath(Root, f) + "\n" + File.ReadAllText(f)));

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            // Outputs a clean checkout does not have (they are ignored by git).
            if (name is "node_modules" or "dist" or ".test-build" or "__pycache__" or "temp") continue;
            CopyTree(directory, Path.Combine(target, name));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
