using System.Security.Cryptography;
using System.Text;
using SkillsMatch.Credentials.Formats;

namespace SkillsMatch.Credentials;

/// <summary>
/// Does the credential name the expected learner? By <c>credentialSubject.id</c> against the learner's DID, or by an
/// email IdentityObject: plain, or hashed as <c>sha256$</c> + hex(sha256(email + salt)) (OB 3.0 data model, IdentityObject;
/// OB 2.0 IdentityObject).
/// </summary>
internal static class RecipientBinding
{
    public static RecipientMatch Match(ExpectedRecipient? expected, string? subjectId, IReadOnlyList<RecipientIdentity> identities)
    {
        if (expected is null || (expected.Did is null && expected.Email is null)) return RecipientMatch.NotChecked;
        bool comparable = false;
        if (expected.Did is not null && subjectId is not null)
        {
            comparable = true;
            if (string.Equals(expected.Did, subjectId, StringComparison.Ordinal)) return RecipientMatch.Matched;
        }
        if (expected.Email is { } email)
        {
            foreach (var identity in identities.Where(i => i.Type is "emailAddress" or "email"))
            {
                comparable = true;
                if (EmailMatches(email, identity)) return RecipientMatch.Matched;
            }
        }
        if (expected.Did is not null)
        {
            foreach (var identity in identities.Where(i => i.Type is "did" or "id" or "url"))
            {
                comparable = true;
                if (!identity.Hashed && identity.Value == expected.Did) return RecipientMatch.Matched;
            }
        }
        return comparable ? RecipientMatch.Mismatch : RecipientMatch.NotChecked;
    }

    private static bool EmailMatches(string email, RecipientIdentity identity)
    {
        var trimmed = email.Trim();
        if (!identity.Hashed) return string.Equals(identity.Value.Trim(), trimmed, StringComparison.OrdinalIgnoreCase);
        var separator = identity.Value.IndexOf('$', StringComparison.Ordinal);
        if (separator < 0) return false;
        var algorithm = identity.Value[..separator].ToLowerInvariant();
        var expectedHex = identity.Value[(separator + 1)..];
        // Issuers differ on whether they lower-case the address before hashing; both forms are the same learner.
        foreach (var candidate in new[] { trimmed, trimmed.ToLowerInvariant() }.Distinct())
        {
            var input = Encoding.UTF8.GetBytes(candidate + identity.Salt);
            byte[]? hash = algorithm switch
            {
                "sha256" => SHA256.HashData(input),
                "sha512" => SHA512.HashData(input),
                _ => null, // md5 is refused: too weak to bind anything
            };
            if (hash is not null && string.Equals(Convert.ToHexString(hash), expectedHex, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
