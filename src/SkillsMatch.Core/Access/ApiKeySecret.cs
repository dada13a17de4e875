using System.Security.Cryptography;
using System.Text;

namespace SkillsMatch.Access;

/// <summary>
/// The key format <c>sm_&lt;prefix&gt;_&lt;secret&gt;</c>: an 8-character lookup prefix and 43 characters (256 bits)
/// of secret, both from a lower-case alphanumeric alphabet so keys survive copy and paste.
/// </summary>
public static class ApiKeySecret
{
    public const int PrefixLength = 8;
    private const int SecretLength = 43;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static (string Prefix, string Key) Generate()
    {
        var prefix = RandomNumberGenerator.GetString(Alphabet, PrefixLength);
        var secret = RandomNumberGenerator.GetString(Alphabet, SecretLength);
        return (prefix, $"sm_{prefix}_{secret}");
    }

    /// <summary>The prefix of a well-formed key, or null: malformed keys never reach the database.</summary>
    public static string? PrefixOf(string key)
    {
        if (key.Length != 3 + PrefixLength + 1 + SecretLength || !key.StartsWith("sm_", StringComparison.Ordinal) || key[3 + PrefixLength] != '_')
            return null;
        foreach (var c in key.AsSpan(3))
            if (c != '_' && !Alphabet.Contains(c)) return null;
        return key.Substring(3, PrefixLength);
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.ASCII.GetBytes(key));

    public static bool Matches(string key, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);
}
