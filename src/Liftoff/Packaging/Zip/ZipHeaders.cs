using System.Buffers.Binary;
using System.Text;

namespace Liftoff.Packaging.Zip;

/// <summary>
/// The three ZIP records Liftoff writes (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16), with no extra fields,
/// comments or data descriptors, so nothing machine- or time-dependent can slip in.
/// </summary>
internal static class ZipHeaders
{
    public const int LocalHeaderSize = 30;
    public const int CrcOffsetInLocalHeader = 14;
    private const ushort MadeByUnixZip30 = (3 << 8) | 30; // host 3 = Unix, so unzip applies the modes
    private const ushort Utf8NameFlag = 1 << 11;
    private const uint UnixRegularFile = 0x8000; // S_IFREG

    public static ushort Method(bool stored) => stored ? (ushort)0 : (ushort)8;
    private static ushort VersionNeeded(bool stored) => stored ? (ushort)10 : (ushort)20;

    public static byte[] EncodeName(string name, out ushort flags)
    {
        flags = name.All(char.IsAscii) ? (ushort)0 : Utf8NameFlag;
        return Encoding.UTF8.GetBytes(name);
    }

    public static byte[] Local(byte[] name, ushort flags, bool stored, DosDateTime time, uint crc, uint compressed, uint size)
    {
        var b = new byte[LocalHeaderSize + name.Length];
        var s = b.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(s, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(s[4..], VersionNeeded(stored));
        BinaryPrimitives.WriteUInt16LittleEndian(s[6..], flags);
        BinaryPrimitives.WriteUInt16LittleEndian(s[8..], Method(stored));
        BinaryPrimitives.WriteUInt16LittleEndian(s[10..], time.Time);
        BinaryPrimitives.WriteUInt16LittleEndian(s[12..], time.Date);
        WriteSizes(s[CrcOffsetInLocalHeader..], crc, compressed, size);
        BinaryPrimitives.WriteUInt16LittleEndian(s[26..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(s[28..], 0);
        name.CopyTo(s[30..]);
        return b;
    }

    /// <summary>CRC-32, compressed size, size: the 12 bytes patched in once a chunked entry is done.</summary>
    public static void WriteSizes(Span<byte> s, uint crc, uint compressed, uint size)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(s, crc);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], compressed);
        BinaryPrimitives.WriteUInt32LittleEndian(s[8..], size);
    }

    public static void Central(Stream output, byte[] name, ushort flags, bool stored, DosDateTime time, uint crc,
        uint compressed, uint size, int unixMode, uint localHeaderOffset)
    {
        Span<byte> s = stackalloc byte[46];
        BinaryPrimitives.WriteUInt32LittleEndian(s, 0x02014b50);
        BinaryPrimitives.WriteUInt16LittleEndian(s[4..], MadeByUnixZip30);
        BinaryPrimitives.WriteUInt16LittleEndian(s[6..], VersionNeeded(stored));
        BinaryPrimitives.WriteUInt16LittleEndian(s[8..], flags);
        BinaryPrimitives.WriteUInt16LittleEndian(s[10..], Method(stored));
        BinaryPrimitives.WriteUInt16LittleEndian(s[12..], time.Time);
        BinaryPrimitives.WriteUInt16LittleEndian(s[14..], time.Date);
        WriteSizes(s[16..], crc, compressed, size);
        BinaryPrimitives.WriteUInt16LittleEndian(s[28..], (ushort)name.Length);
        // extra field length, comment length, disk number start, internal attributes: all zero
        s[30..38].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(s[38..], (UnixRegularFile | (uint)unixMode) << 16);
        BinaryPrimitives.WriteUInt32LittleEndian(s[42..], localHeaderOffset);
        output.Write(s);
        output.Write(name);
    }

    public static void EndOfCentralDirectory(Stream output, ushort entries, uint directorySize, uint directoryOffset)
    {
        Span<byte> s = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(s, 0x06054b50);
        s[4..8].Clear(); // this disk, disk with the directory
        BinaryPrimitives.WriteUInt16LittleEndian(s[8..], entries);
        BinaryPrimitives.WriteUInt16LittleEndian(s[10..], entries);
        BinaryPrimitives.WriteUInt32LittleEndian(s[12..], directorySize);
        BinaryPrimitives.WriteUInt32LittleEndian(s[16..], directoryOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(s[20..], 0); // no comment
        output.Write(s);
    }
}
