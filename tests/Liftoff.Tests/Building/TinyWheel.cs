using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Liftoff.Tests.Building;

/// <summary>A pure-Python wheel made on the spot, so pip has something to install without PyPI.</summary>
internal static class TinyWheel
{
    public static void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var files = new Dictionary<string, string>
        {
            ["tinypkg/__init__.py"] = "def hello():\n    return 'hi'\n",
            ["tinypkg-1.0.dist-info/METADATA"] = "Metadata-Version: 2.1\nName: tinypkg\nVersion: 1.0\n",
            ["tinypkg-1.0.dist-info/WHEEL"] = "Wheel-Version: 1.0\nGenerator: liftoff-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        };
        var record = new StringBuilder();
        foreach (var (name, text) in files)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var hash = Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            record.Append($"{name},sha256={hash},{bytes.Length}\n");
        }
        record.Append("tinypkg-1.0.dist-info/RECORD,,\n");
        files["tinypkg-1.0.dist-info/RECORD"] = record.ToString();

        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in files)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(text);
        }
    }
}
