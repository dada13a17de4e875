using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace SkillsMatch.Credentials.Formats;

/// <summary>A JWS in compact serialization (RFC 7515 §7.1): three base64url parts, the first two signed as ASCII.</summary>
internal sealed record CompactJws(JsonElement Header, byte[] Payload, byte[] SigningInput, byte[] Signature)
{
    public string? Alg => Json.Text(Header, "alg");
    public string? Kid => Json.Text(Header, "kid");
    public JsonElement? Jwk => Json.Property(Header, "jwk");

    /// <summary>Whether the text has the shape of a compact JWS, so it is worth parsing as one.</summary>
    public static bool LooksLikeJws(string text)
    {
        int dots = 0;
        foreach (var c in text)
        {
            if (c == '.') dots++;
            else if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        }
        return dots == 2;
    }

    public static CompactJws Parse(string text)
    {
        var parts = text.Trim().Split('.');
        if (parts.Length != 3) throw Malformed("a compact JWS has exactly three dot-separated parts");
        var header = Decode(parts[0], "header");
        var payload = Decode(parts[1], "payload");
        var signature = Decode(parts[2], "signature");
        var headerJson = Json.Parse(header, "the JWS header");
        if (headerJson.ValueKind != JsonValueKind.Object) throw Malformed("the JWS header is not a JSON object");
        var signingInput = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        return new CompactJws(headerJson, payload, signingInput, signature);
    }

    private static byte[] Decode(string part, string what)
    {
        try
        {
            return Base64Url.DecodeFromChars(part);
        }
        catch (FormatException)
        {
            throw Malformed($"the JWS {what} is not base64url");
        }
    }

    private static CredentialFormatException Malformed(string message) => new(message) { Code = ReasonCodes.MalformedJwt };
}
