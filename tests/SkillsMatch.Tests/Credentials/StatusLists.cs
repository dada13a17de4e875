using System.IO.Compression;
using System.Text.Json.Nodes;

namespace SkillsMatch.Tests.Credentials;

/// <summary>Status list credentials and entries in their published shapes, built by the tests.</summary>
public static class StatusLists
{
    /// <summary>GZIP + base64url of a 16 KB bitstring (the Bitstring Status List minimum) with the given bits set.</summary>
    public static string Encode(bool multibase, params int[] setBits)
    {
        var bits = new byte[16 * 1024];
        foreach (var i in setBits) bits[i / 8] |= (byte)(0x80 >> (i % 8));
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bits);
        return (multibase ? "u" : "") + TestKey.B64(output.ToArray());
    }

    public static JsonObject ListCredential(string url, string issuer, string purpose, bool bitstring, params int[] setBits) => new()
    {
        ["@context"] = bitstring
            ? new JsonArray("https://www.w3.org/ns/credentials/v2")
            : new JsonArray("https://www.w3.org/2018/credentials/v1", "https://w3id.org/vc/status-list/2021/v1"),
        ["id"] = url,
        ["type"] = new JsonArray("VerifiableCredential", bitstring ? "BitstringStatusListCredential" : "StatusList2021Credential"),
        ["issuer"] = issuer,
        [bitstring ? "validFrom" : "issuanceDate"] = Ob3.Date(FixedClock.Default.AddDays(-60)),
        ["credentialSubject"] = new JsonObject
        {
            ["id"] = url + "#list",
            ["type"] = bitstring ? "BitstringStatusList" : "StatusList2021",
            ["statusPurpose"] = purpose,
            ["encodedList"] = Encode(bitstring, setBits),
        },
    };

    public static JsonObject Entry(string url, string purpose, int index, bool bitstring) => new()
    {
        ["id"] = $"{url}#{index}",
        ["type"] = bitstring ? "BitstringStatusListEntry" : "StatusList2021Entry",
        ["statusPurpose"] = purpose,
        ["statusListIndex"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["statusListCredential"] = url,
    };
}
