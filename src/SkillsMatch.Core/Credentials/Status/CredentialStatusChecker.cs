using System.Globalization;
using System.Text;
using System.Text.Json;
using SkillsMatch.Credentials.Formats;
using SkillsMatch.Credentials.Keys;
using SkillsMatch.Credentials.LinkedData;
using SkillsMatch.Credentials.Proofs;

namespace SkillsMatch.Credentials.Status;

/// <summary>
/// Checks OB 3.0 <c>credentialStatus</c> entries: BitstringStatusListEntry (VC Bitstring Status List v1.0),
/// StatusList2021Entry (its predecessor) and 1EdTechRevocationList (1EdTech Revocation List 1.0). Whatever cannot be
/// fetched or read is <see cref="StatusCheck.Unknown"/>, never valid.
/// </summary>
/// <remarks>
/// A status list credential served as a VC-JWT must carry a valid signature by a key bound to the same issuer.
/// One served as JSON with a Data Integrity proof must carry a valid proof by a key bound to the same issuer; one with
/// no proof at all is accepted only when its issuer is the credential's issuer.
/// </remarks>
internal sealed class CredentialStatusChecker(CredentialHttpClient http, IssuerKeyBinding keys, TimeProvider time, TimeSpan clockSkew, DataIntegrityVerifier? dataIntegrity = null)
{
    public async Task<StatusOutcome> CheckAsync(IReadOnlyList<JsonElement> entries, string? credentialId, string? issuerId, CancellationToken cancellationToken)
    {
        var outcomes = new List<StatusOutcome>();
        foreach (var entry in entries)
        {
            var type = Json.Strings(entry, "type");
            StatusOutcome outcome;
            try
            {
                outcome = type switch
                {
                    _ when type.Contains("BitstringStatusListEntry") => await CheckListAsync(entry, "BitstringStatusListCredential", "BitstringStatusList", issuerId, cancellationToken),
                    _ when type.Contains("StatusList2021Entry") => await CheckListAsync(entry, "StatusList2021Credential", "StatusList2021", issuerId, cancellationToken),
                    _ when type.Contains("1EdTechRevocationList") => await CheckRevocationListAsync(entry, credentialId, issuerId, cancellationToken),
                    _ => StatusOutcome.Unknown($"status type {string.Join(",", type)} is not supported"),
                };
            }
            catch (CredentialFormatException e)
            {
                outcome = StatusOutcome.Unknown(e.Message);
            }
            outcomes.Add(outcome);
        }
        return StatusOutcome.Combine(outcomes);
    }

    private async Task<StatusOutcome> CheckListAsync(JsonElement entry, string listType, string subjectType, string? issuerId, CancellationToken cancellationToken)
    {
        var purpose = Json.Text(entry, "statusPurpose");
        var url = Json.Text(entry, "statusListCredential");
        if (purpose is null || url is null || !long.TryParse(Json.Loose(Json.Property(entry, "statusListIndex")), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return StatusOutcome.Unknown($"the {subjectType} entry lacks statusPurpose, statusListIndex or statusListCredential");
        if (purpose is not ("revocation" or "suspension"))
            return StatusOutcome.Unknown($"statusPurpose '{purpose}' is not revocation or suspension");
        // Bitstring Status List §2.1: statusSize > 1 is for status messages, not a revoked/suspended flag.
        if (Json.Number(Json.Property(entry, "statusSize")) is { } size && size != 1)
            return StatusOutcome.Unknown($"statusSize {size} is not supported");

        var (list, problem) = await FetchListCredentialAsync(url, issuerId, cancellationToken);
        if (list is not { } credential) return StatusOutcome.Unknown(problem!);
        if (!Json.Strings(credential, "type").Contains(listType))
            return StatusOutcome.Unknown($"{url} is not a {listType}");
        var now = time.GetUtcNow();
        if ((Json.Date(credential, "validUntil") ?? Json.Date(credential, "expirationDate")) is { } until && now > until + clockSkew)
            return StatusOutcome.Unknown($"the status list {url} expired at {until:u}");
        var subject = Json.Items(credential, "credentialSubject").FirstOrDefault();
        // Bitstring Status List §3.2: the list's statusPurpose must match the entry's.
        if (Json.Text(subject, "statusPurpose") != purpose)
            return StatusOutcome.Unknown($"the status list {url} is for '{Json.Text(subject, "statusPurpose")}', not '{purpose}'");
        var encoded = Json.Text(subject, "encodedList") ?? throw new CredentialFormatException($"the status list {url} has no encodedList");
        var bits = EncodedStatusList.Decode(encoded);
        if (!EncodedStatusList.IsSet(bits, index)) return StatusOutcome.Valid;
        return purpose == "revocation"
            ? StatusOutcome.Revoked($"revoked: bit {index} of {subjectType} {url} is set")
            : StatusOutcome.Suspended($"suspended: bit {index} of {subjectType} {url} is set");
    }

    private async Task<(JsonElement? Credential, string? Problem)> FetchListCredentialAsync(string url, string? issuerId, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return (null, $"{url} is not a URL");
        var fetch = await http.GetAsync(uri, cancellationToken);
        if (!fetch.Succeeded) return (null, $"the status list could not be fetched: {fetch.Problem}");
        var text = Encoding.UTF8.GetString(fetch.Body).Trim();
        JsonElement credential;
        if (CompactJws.LooksLikeJws(text))
        {
            var jws = CompactJws.Parse(text);
            var payload = Json.Parse(jws.Payload, "the status list JWT payload");
            credential = Json.Property(payload, "vc") ?? payload;
            var listIssuer = Json.Id(credential, "issuer") ?? Json.Text(payload, "iss");
            var signature = await keys.VerifyAsync(jws, listIssuer, cancellationToken);
            if (!signature.SignatureValid || !signature.KeyBound)
                return (null, $"the status list {url} is not validly signed by its issuer ({string.Join("; ", signature.Reasons)})");
        }
        else
        {
            credential = Json.Parse(fetch.Body, $"the status list {url}");
            if (Json.Property(credential, "proof") is not null && dataIntegrity is not null
                && await VerifyProofAsync(fetch.Body, Json.Id(credential, "issuer"), cancellationToken) is { } problem)
                return (null, $"the status list {url} is not validly signed by its issuer ({problem})");
        }
        var issuer = Json.Id(credential, "issuer");
        if (issuerId is not null && issuer != issuerId)
            return (null, $"the status list {url} is issued by {issuer ?? "nobody"}, not by the credential's issuer {issuerId}");
        return (credential, null);
    }

    /// <summary>The Data Integrity proof of a status list credential, bound to its issuer; null when it holds.</summary>
    private async Task<string?> VerifyProofAsync(byte[] body, string? listIssuer, CancellationToken cancellationToken)
    {
        try
        {
            if (PlainJson.Parse(body) is not Dictionary<string, object?> document) return "not a JSON object";
            var outcome = await dataIntegrity!.VerifyAsync(document, "assertionMethod", listIssuer, cancellationToken: cancellationToken);
            return outcome.SignatureValid && outcome.KeyBound ? null : string.Join("; ", outcome.Reasons.Select(r => r.Message));
        }
        catch (LinkedDataException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// 1EdTech Revocation List 1.0: <c>credentialStatus.id</c> is the URL of a list whose <c>revokedCredentials</c>
    /// entries name revoked credential ids.
    /// </summary>
    private async Task<StatusOutcome> CheckRevocationListAsync(JsonElement entry, string? credentialId, string? issuerId, CancellationToken cancellationToken)
    {
        var url = Json.Text(entry, "id");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return StatusOutcome.Unknown("the 1EdTechRevocationList entry has no list URL");
        if (credentialId is null) return StatusOutcome.Unknown("the credential has no id to look up in its revocation list");
        var fetch = await http.GetAsync(uri, cancellationToken);
        if (!fetch.Succeeded) return StatusOutcome.Unknown($"the revocation list could not be fetched: {fetch.Problem}");
        var list = Json.Parse(fetch.Body, $"the revocation list {url}");
        if (Json.Id(list, "issuer") is { } listIssuer && issuerId is not null && listIssuer != issuerId)
            return StatusOutcome.Unknown($"the revocation list {url} belongs to {listIssuer}, not to {issuerId}");
        if (Json.Property(list, "revokedCredentials") is not { ValueKind: JsonValueKind.Array } revoked)
            return StatusOutcome.Unknown($"{url} is not a revocation list (no revokedCredentials)");
        foreach (var item in revoked.EnumerateArray())
        {
            var id = item.ValueKind == JsonValueKind.String ? item.GetString() : Json.Text(item, "id");
            if (id == credentialId)
                return StatusOutcome.Revoked($"revoked: {url} lists {credentialId}" + (Json.Text(item, "revocationReason") is { } why ? $" ({why})" : ""));
        }
        return StatusOutcome.Valid;
    }
}
