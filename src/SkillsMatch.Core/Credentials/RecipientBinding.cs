using System.Security.Cryptography;
using System.Text;
using SkillsMatch.Credentials.Formats;

namespace SkillsMatch.Credentials;

/// <summary>
/// Does the credential name the expected learner? By <c>credentialSubject.id</c> (a DID, a <c>mailto:</c> URI or a plain
/// address) against the learner's DIDs and e-mails, or by an e-mail IdentityObject: plain, or hashed as <c>sha256$</c> +
/// hex(sha256(email + salt)) (OB 3.0 data model, IdentityObject; OB 2.0 IdentityObject).
/// </summary>
internal static class RecipientBinding
{
    public static RecipientMatch Match(ExpectedRecipient? expected, string? subjectId, IReadOnlyList<RecipientIdentity> identities)
    {
        if (expected is null) return RecipientMatch.NotChecked;
        var dids = expected.AllDids;
        var emails = expected.AllEmails;
        if (dids.Count == 0 && emails.Count == 0) return RecipientMatch.NotChecked;
        bool comparable = false;
        if (subjectId is not null)
        {
            if (EmailOf(subjectId) is { } subjectEmail)
            {
                if (emails.Count > 0)
                {
                    comparable = true;
                    if (emails.Any(e => string.Equals(e.Trim(), subjectEmail, StringComparison.OrdinalIgnoreCase))) return RecipientMatch.Matched;
                }
            }
            else if (dids.Count > 0)
            {
                comparable = true;
                if (dids.Contains(subjectId, StringComparer.Ordinal)) return RecipientMatch.Matched;
            }
        }
        if (emails.Count > 0)
        {
            foreach (var identity in identities.Where(i => i.Type is "emailAddress" or "email"))
            {
                comparable = true;
                if (emails.Any(e => EmailMatches(e, identity))) return RecipientMatch.Matched;
            }
        }
        if (dids.Count > 0)
        {
            foreach (var identity in identities.Where(i => i.Type is "did" or "id" or "url"))
            {
                comparable = true;
                if (!identity.Hashed && dids.Contains(identity.Value, StringComparer.Ordinal)) return RecipientMatch.Matched;
            }
        }
        return comparable ? RecipientMatch.Mismatch : RecipientMatch.NotChecked;
    }

    /// <summary>The address a subject id names: <c>mailto:a@b</c> (RFC 6068) or a bare <c>a@b</c>; null for a DID or URL.</summary>
    private static string? EmailOf(string subjectId)
    {
        var value = subjectId.Trim();
        if (value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) value = Uri.UnescapeDataString(value[7..]);
        else if (value.Contains(':', StringComparison.Ordinal)) return null;
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < value.Length - 1 && value.IndexOf('?', StringComparison.Ordinal) < 0 ? value : null;
    }

    private static bool EmailMatches(string email, RecipientIdentity identity)
    {
        var trimmed = email.Trim();
        if (!identity.Hashed) return string.Equals(EmailOf(identity.Value) ?? identity.Value.Trim(), trimmed, StringComparison.OrdinalIgnoreCase);
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
