using System.Security.Cryptography;
using System.Text.Json;
using SkillsMatch.Credentials.Formats;
using SkillsMatch.Credentials.Keys;

namespace SkillsMatch.Credentials;

/// <summary>Fetches and reads the linked documents of an OB 2.0 assertion: BadgeClass, issuer Profile, CryptographicKey, RevocationList.</summary>
internal sealed class OpenBadges2Documents(CredentialHttpClient http)
{
    /// <summary>An embedded object, or the document fetched from a URL (OB 2.0 allows either for badge and issuer).</summary>
    /// <remarks>
    /// An embedded copy is never trusted for what it says about keys or origins: whoever wrote the assertion wrote it.
    /// When it has an http(s) id the issuer's own copy is fetched instead; without one it is used only when
    /// <paramref name="allowEmbedded"/> (a BadgeClass's descriptive text, say).
    /// </remarks>
    public async Task<(JsonElement? Document, string? Problem)> LoadAsync(JsonElement? reference, string what, bool allowEmbedded, CancellationToken cancellationToken)
    {
        var location = reference switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Object } o => Json.Text(o, "id"),
            _ => null,
        };
        if (!Uri.TryCreate(location, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            if (allowEmbedded && reference is { ValueKind: JsonValueKind.Object } embedded) return (embedded, null);
            return (null, $"the assertion's {what} has no URL to fetch the issuer's own copy from");
        }
        var fetch = await http.GetAsync(url, cancellationToken);
        if (!fetch.Succeeded) return (null, $"the {what} could not be fetched: {fetch.Problem}");
        JsonElement document;
        try
        {
            document = Json.Parse(fetch.Body, $"the {what} at {url}");
        }
        catch (CredentialFormatException e)
        {
            return (null, e.Message);
        }
        // The fetched document must describe itself at the URL it came from.
        if (Json.Text(document, "id") is { } id && id != location)
            return (null, $"the {what} fetched from {url} claims id {id}");
        return (document, null);
    }

    /// <summary>OB 2.0 CryptographicKey: <c>owner</c> and <c>publicKeyPem</c>.</summary>
    public async Task<(VerificationKey? Key, string? Problem)> LoadKeyAsync(JsonElement? reference, CancellationToken cancellationToken)
    {
        var (document, problem) = await LoadAsync(reference, "CryptographicKey", allowEmbedded: false, cancellationToken);
        if (document is not { } key) return (null, problem);
        var pem = Json.Text(key, "publicKeyPem");
        var id = Json.Text(key, "id") ?? (reference is { ValueKind: JsonValueKind.String } r ? r.GetString() : null);
        if (pem is null || id is null) return (null, "the CryptographicKey has no id or publicKeyPem");
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            var parameters = rsa.ExportParameters(false);
            var jwk = PublicJwk.Rsa(parameters.Modulus!, parameters.Exponent!);
            if (jwk.N!.Length < 256) return (null, "RSA keys shorter than 2048 bits are refused");
            return (new VerificationKey(id, Json.Text(key, "owner") ?? "", jwk), null);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return (null, $"the CryptographicKey {id} has no readable RSA public key");
        }
    }

    /// <summary>OB 2.0 RevocationList: <c>revokedAssertions</c> lists ids (or objects with id/uid and revocationReason).</summary>
    public async Task<(StatusCheck Status, string? Reason)> CheckRevocationListAsync(JsonElement issuer, JsonElement assertion, CancellationToken cancellationToken)
    {
        if (Json.Property(assertion, "revoked") is { ValueKind: JsonValueKind.True })
            return (StatusCheck.Revoked, "revoked: the assertion itself is marked revoked");
        if (Json.Text(issuer, "revocationList") is not { } listUrl) return (StatusCheck.NotApplicable, null);
        if (!Uri.TryCreate(listUrl, UriKind.Absolute, out var url)) return (StatusCheck.Unknown, $"status unknown: revocationList {listUrl} is not a URL");
        var fetch = await http.GetAsync(url, cancellationToken);
        if (!fetch.Succeeded) return (StatusCheck.Unknown, $"status unknown: the revocation list could not be fetched: {fetch.Problem}");
        JsonElement list;
        try
        {
            list = Json.Parse(fetch.Body, "the revocation list");
        }
        catch (CredentialFormatException e)
        {
            return (StatusCheck.Unknown, $"status unknown: {e.Message}");
        }
        var id = Json.Text(assertion, "id");
        var uid = Json.Text(assertion, "uid");
        foreach (var entry in Json.Items(list, "revokedAssertions"))
        {
            var entryId = entry.ValueKind == JsonValueKind.String ? entry.GetString() : Json.Text(entry, "id");
            var entryUid = Json.Text(entry, "uid");
            if ((entryId is not null && entryId == id) || (entryUid is not null && entryUid == uid))
                return (StatusCheck.Revoked, $"revoked: {listUrl} lists {id ?? uid}" + (Json.Text(entry, "revocationReason") is { } why ? $" ({why})" : ""));
        }
        return (StatusCheck.Valid, null);
    }

    /// <summary>
    /// OB 2.0 §"Hosted verification": the assertion id must lie within the issuer's verification policy —
    /// <c>allowedOrigins</c> (host names; default the issuer id's host) and, if given, one of the <c>startsWith</c> prefixes.
    /// </summary>
    public static string? OriginProblem(Uri assertionId, JsonElement issuer)
    {
        var policy = Json.Property(issuer, "verification");
        var allowed = policy is { } p ? Json.Strings(p, "allowedOrigins") : [];
        if (allowed.Count == 0 && Uri.TryCreate(Json.Text(issuer, "id"), UriKind.Absolute, out var issuerUrl)) allowed.Add(issuerUrl.Authority);
        if (!allowed.Any(o => string.Equals(o, assertionId.Authority, StringComparison.OrdinalIgnoreCase) || string.Equals(o, assertionId.Host, StringComparison.OrdinalIgnoreCase)))
            return $"origin mismatch: the assertion at {assertionId} is not on an origin the issuer allows ({string.Join(", ", allowed)})";
        var prefixes = policy is { } q ? Json.Strings(q, "startsWith") : [];
        if (prefixes.Count > 0 && !prefixes.Any(s => assertionId.ToString().StartsWith(s, StringComparison.Ordinal)))
            return $"origin mismatch: the assertion id {assertionId} does not start with an allowed prefix";
        return null;
    }
}
