using System.Text;

namespace Liftoff.Tests.Packaging;


/// <summary>A throwaway folder of real files for one test; deleted on dispose.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree(string? root = null)
    {
        Root = root ?? Path.Combine(Path.GetTempPath(), "liftoff-pkg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public TempTree File(string relative, string content, bool executable = false) =>
        File(relative, Encoding.UTF8.GetBytes(content), executable);

    public TempTree File(string relative, byte[] content, bool executable = false)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        if (OperatingSystem.IsWindows()) return this;
        System.IO.File.SetUnixFileMode(path, executable
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return this;
    }

    public TempTree Link(string relative, string target)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.CreateSymbolicLink(path, target);
        return this;
    }

    /// <summary>Copies every file to <paramref name="destination"/>, in reverse name order, keeping modes.</summary>
    public TempTree CopyTo(string destination)
    {
        var copy = new TempTree(destination);
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).OrderByDescending(f => f, StringComparer.Ordinal))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            System.IO.File.Copy(file, target);
            if (!OperatingSystem.IsWindows()) System.IO.File.SetUnixFileMode(target, System.IO.File.GetUnixFileMode(file));
        }
        return copy;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Bytes that deflate cannot shrink, the same for the same seed.</summary>
    public static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
