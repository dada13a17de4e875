using System.Buffers.Binary;
using System.Text;
using SkillsMatch.Credentials.Formats;

namespace SkillsMatch.Tests.Credentials;

/// <summary>Baked badge images as issuers produce them: a 1×1 PNG with an iTXt chunk, an SVG with an openbadges element.</summary>
public static class BadgeImages
{
    public static byte[] Png(string keyword, string text)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
        // iTXt: keyword NUL, compression flag 0, method 0, empty language NUL, empty translated keyword NUL, text.
        Chunk(png, "iTXt", [.. Encoding.Latin1.GetBytes(keyword), 0, 0, 0, 0, 0, .. Encoding.UTF8.GetBytes(text)]);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static string Svg(string content, string element = "openbadges:credential") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" width="10" height="10">
          <{element}><![CDATA[{content}]]></{element}>
          <circle cx="5" cy="5" r="4"/>
        </svg>
        """;

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, PngBadge.Crc32(typeAndData));
        png.Write(number);
    }
}
