using System.Buffers.Binary;
using System.Text;

namespace SkillsMatch.Credentials.Formats;

/// <summary>
/// Extracts a baked credential from a PNG: the iTXt chunk with keyword <c>openbadgecredential</c>
/// (OB 3.0 "Badge Baking", PNG) or <c>openbadges</c> (OB 2.0 Baking, PNG), or the legacy tEXt <c>openbadges</c> URL.
/// A minimal chunk walker: every chunk's length is bounded and its CRC checked (PNG spec §5.3).
/// </summary>
internal static class PngBadge
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private const int MaxChunks = 10_000;

    public static bool LooksLikePng(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    public static string Extract(ReadOnlySpan<byte> png)
    {
        if (!LooksLikePng(png)) throw Malformed("the file does not start with the PNG signature");
        int offset = Signature.Length;
        string? legacyUrl = null;
        for (int count = 0; count < MaxChunks; count++)
        {
            if (png.Length - offset < 12) throw Malformed("the PNG ends inside a chunk header (no IEND)");
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png[offset..]);
            if (length > int.MaxValue || length > png.Length - offset - 12) throw Malformed("a PNG chunk is longer than the file");
            var typeAndData = png.Slice(offset + 4, 4 + (int)length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png[(offset + 8 + (int)length)..]);
            if (Crc32(typeAndData) != crc) throw Malformed($"the CRC of PNG chunk {count + 1} does not match");
            var type = Encoding.ASCII.GetString(typeAndData[..4]);
            var data = typeAndData[4..];
            offset += 12 + (int)length;

            if (type == "iTXt" && ReadItxt(data) is { } text) return text;
            if (type == "tEXt" && ReadLegacyText(data) is { } url) legacyUrl ??= url;
            if (type == "IEND") break;
        }
        return legacyUrl ?? throw new CredentialFormatException("the PNG carries no baked credential (no iTXt openbadgecredential or openbadges chunk)") { Code = ReasonCodes.UnsupportedFormat };
    }

    /// <summary>iTXt (PNG spec §11.3.4.5): keyword NUL, compression flag, method, language NUL, translated keyword NUL, UTF-8 text.</summary>
    private static string? ReadItxt(ReadOnlySpan<byte> data)
    {
        int keywordEnd = data.IndexOf((byte)0);
        if (keywordEnd <= 0) throw Malformed("an iTXt chunk has no keyword");
        var keyword = Encoding.Latin1.GetString(data[..keywordEnd]);
        if (keyword is not ("openbadgecredential" or "openbadges")) return null;
        var rest = data[(keywordEnd + 1)..];
        if (rest.Length < 2) throw Malformed("the iTXt chunk is truncated");
        // Baking specs: "Compression MUST NOT be used".
        if (rest[0] != 0) throw Malformed("the baked iTXt chunk is compressed, which the baking specification forbids");
        rest = rest[2..];
        int languageEnd = rest.IndexOf((byte)0);
        if (languageEnd < 0) throw Malformed("the iTXt chunk has no language tag terminator");
        rest = rest[(languageEnd + 1)..];
        int translatedEnd = rest.IndexOf((byte)0);
        if (translatedEnd < 0) throw Malformed("the iTXt chunk has no translated keyword terminator");
        try
        {
            return new UTF8Encoding(false, true).GetString(rest[(translatedEnd + 1)..]);
        }
        catch (DecoderFallbackException)
        {
            throw Malformed("the baked text is not UTF-8");
        }
    }

    private static string? ReadLegacyText(ReadOnlySpan<byte> data)
    {
        int keywordEnd = data.IndexOf((byte)0);
        if (keywordEnd <= 0 || Encoding.Latin1.GetString(data[..keywordEnd]) != "openbadges") return null;
        return Encoding.Latin1.GetString(data[(keywordEnd + 1)..]);
    }

    private static CredentialFormatException Malformed(string message) => new(message) { Code = ReasonCodes.MalformedPng };

    private static readonly uint[] CrcTable = BuildCrcTable();

    internal static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFF;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
