using System.Buffers.Text;
using System.IO.Compression;

namespace SkillsMatch.Credentials.Status;

/// <summary>
/// The bitstring of a status list: GZIP (RFC 1952) then base64url without padding. BitstringStatusList
/// prefixes the multibase code 'u' (VC Bitstring Status List v1.0 §2.2 encodedList); StatusList2021 does not.
/// Bit 0 is the left-most (most significant) bit of the first byte (Bitstring Status List §3.2 validate algorithm).
/// </summary>
internal static class EncodedStatusList
{
    /// <summary>Decompressed size limit: 16 MB is 134 million entries, far beyond any real list, and stops GZIP bombs.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    public static byte[] Decode(string encoded)
    {
        // A GZIP stream starts 1f 8b 08, which base64url-encodes as "H4sI": that tells the multibase 'u' from data.
        var text = encoded.StartsWith("uH4sI", StringComparison.Ordinal) ? encoded[1..] : encoded;
        byte[] compressed;
        try
        {
            compressed = Base64Url.DecodeFromChars(text.TrimEnd('='));
        }
        catch (FormatException)
        {
            throw new CredentialFormatException("the status list encodedList is not base64url");
        }
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxBytes) throw new CredentialFormatException("the status list decompresses beyond 16 MB");
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new CredentialFormatException($"the status list encodedList is not GZIP data (corrupt or truncated)");
        }
    }

    public static bool IsSet(byte[] bits, long index)
    {
        if (index < 0 || index >= bits.LongLength * 8)
            throw new CredentialFormatException($"statusListIndex {index} is outside the list of {bits.LongLength * 8} entries");
        return (bits[index / 8] & (0x80 >> (int)(index % 8))) != 0;
    }
}
