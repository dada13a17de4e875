namespace SkillsMatch.Credentials.Keys;

/// <summary>Bitcoin base58 (the multibase 'z' alphabet). Inputs are short key strings, so O(n²) is fine; the length is capped.</summary>
internal static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const int MaxLength = 256;

    public static string Encode(byte[] bytes)
    {
        var value = new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var text = new System.Text.StringBuilder();
        while (value > 0)
        {
            text.Insert(0, Alphabet[(int)(value % 58)]);
            value /= 58;
        }
        foreach (var b in bytes)
        {
            if (b != 0) break;
            text.Insert(0, '1');
        }
        return text.ToString();
    }

    public static byte[] Decode(string text)
    {
        if (text.Length > MaxLength) throw new CredentialFormatException("base58 value is too long for a key");
        var bytes = new List<byte>(text.Length);
        foreach (var c in text)
        {
            int carry = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (carry < 0) throw new CredentialFormatException($"'{c}' is not a base58btc character");
            for (int i = 0; i < bytes.Count; i++)
            {
                carry += bytes[i] * 58;
                bytes[i] = (byte)carry;
                carry >>= 8;
            }
            while (carry > 0)
            {
                bytes.Add((byte)carry);
                carry >>= 8;
            }
        }
        int zeros = 0;
        while (zeros < text.Length && text[zeros] == '1') zeros++;
        var result = new byte[zeros + bytes.Count];
        for (int i = 0; i < bytes.Count; i++) result[result.Length - 1 - i] = bytes[i];
        return result;
    }
}
