using System.Globalization;

namespace Liftoff.Packaging;

/// <summary>Sizes for people, in the binary units AWS quotes its Lambda limits in (250 MB = 250 × 1024² bytes).</summary>
public static class ByteSize
{
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
    };
}
