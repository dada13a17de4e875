using System.Text.Json;
using SkillsMatch.Credentials.Formats;
using SkillsMatch.Credentials.Keys;

namespace SkillsMatch.Credentials;

/// <summary>
/// Open Badges 2.0 assertions. Hosted: only the copy fetched from the assertion's URL counts, and it must sit on
/// an origin the issuer allows. Signed: an RS256 JWS whose key (<c>verification.creator</c>) is owned by the
/// issuer and listed in the issuer Profile's <c>publicKey</c>. (OB 2.0 §"Verification" and "Badge Verification".)
/// </summary>
internal sealed class OpenBadges2Verifier(CredentialHttpClient http, TimeProvider time, TimeSpan clockSkew)
{
    private readonly OpenBadges2Documents _documents = new(http);

    public static bool IsAssertion(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && (Json.Strings(root, "type").Contains("Assertion")
            || (Json.Strings(root, "@context").Any(c => c.StartsWith("https://w3id.org/openbadges/v2", StringComparison.Ordinal)) && Json.Property(root, "badge") is not null));

    /// <summary>An assertion given as JSON proves nothing by itself: hosted ones are re-fetched from their id.</summary>
    public Task<CredentialVerdict> VerifyAssertionJsonAsync(JsonElement assertion, CredentialContainer container, ExpectedRecipient? recipient, CancellationToken cancellationToken)
    {
        var type = Json.Property(assertion, "verification") is { } v ? Json.Text(v, "type") : "hosted";
        if (type is "hosted" or "HostedBadge" && Uri.TryCreate(Json.Text(assertion, "id"), UriKind.Absolute, out var url))
            return VerifyHostedAsync(url, container, recipient, cancellationToken);
        return Task.FromResult(Rejected(CredentialFormat.OpenBadges2Signed, container, ReasonCodes.SignatureInvalid,
            "an OB 2.0 signed assertion must be given as its JWS, not as bare JSON"));
    }

    public async Task<CredentialVerdict> VerifyHostedAsync(Uri url, CredentialContainer container, ExpectedRecipient? recipient, CancellationToken cancellationToken)
    {
        var fetch = await http.GetAsync(url, cancellationToken);
        // OB 2.0 hosted revocation: the URL answers 410 Gone (with {"revoked": true}).
        if (fetch.Error is null && fetch.StatusCode == 410)
            return Rejected(CredentialFormat.OpenBadges2Hosted, container, ReasonCodes.Revoked, $"revoked: {url} answers 410 Gone") with { Status = StatusCheck.Revoked, CredentialId = url.ToString() };
        if (!fetch.Succeeded)
            return Rejected(CredentialFormat.OpenBadges2Hosted, container, ReasonCodes.FetchFailed, $"the hosted assertion could not be fetched: {fetch.Problem}") with { Status = StatusCheck.Unknown };
        JsonElement assertion;
        try
        {
            assertion = Json.Parse(fetch.Body, $"the assertion at {url}");
        }
        catch (CredentialFormatException e)
        {
            return Rejected(CredentialFormat.OpenBadges2Hosted, container, e.Code, e.Message);
        }
        var reasons = new List<CredentialReason>();
        var (badge, issuer) = await LinkedAsync(assertion, reasons, cancellationToken);
        bool originOk = false;
        if (!Uri.TryCreate(Json.Text(assertion, "id"), UriKind.Absolute, out var id))
            reasons.Add(new(ReasonCodes.OriginMismatch, "origin mismatch: the fetched assertion has no URL id"));
        else if (!SameOrigin(id, url) || !SameOrigin(id, fetch.FinalUrl))
            reasons.Add(new(ReasonCodes.OriginMismatch, $"origin mismatch: the assertion fetched from {fetch.FinalUrl} claims id {id}"));
        else if (issuer is { } profile && OpenBadges2Documents.OriginProblem(id, profile) is { } problem)
            reasons.Add(new(ReasonCodes.OriginMismatch, problem));
        else originOk = issuer is not null;
        // Hosting on the issuer's allowed origin stands in for a signature here.
        return await ComposeAsync(CredentialFormat.OpenBadges2Hosted, container, assertion, badge, issuer, originOk, originOk, url.ToString(), reasons, recipient, cancellationToken);
    }

    public async Task<CredentialVerdict> VerifySignedAsync(CompactJws jws, JsonElement assertion, CredentialContainer container, ExpectedRecipient? recipient, CancellationToken cancellationToken)
    {
        // OB 2.0 signed badges use RS256.
        var reasons = IssuerKeyBinding.HeaderProblems(jws, [JwsAlgorithm.RS256]);
        var (badge, issuer) = await LinkedAsync(assertion, reasons, cancellationToken);
        bool signatureValid = false, bound = false;
        string? method = null;
        if (reasons.Count == 0 && issuer is { } profile)
        {
            var issuerId = Json.Text(profile, "id");
            var listed = Json.Items(profile, "publicKey").Select(k => k.ValueKind == JsonValueKind.String ? k.GetString() : Json.Text(k, "id")).OfType<string>().ToList();
            var creator = Json.Property(assertion, "verification") is { } v ? Json.Property(v, "creator") : null;
            var references = creator is not null ? [creator.Value] : Json.Items(profile, "publicKey").ToList();
            foreach (var reference in references)
            {
                var (key, problem) = await _documents.LoadKeyAsync(reference, cancellationToken);
                if (key is null)
                {
                    reasons.Add(new(ReasonCodes.KeyUnresolved, $"the signing key could not be loaded: {problem}"));
                    continue;
                }
                method = key.Id;
                bound = key.Controller == issuerId && listed.Contains(key.Id);
                signatureValid = JwsAlgorithm.Verify(JwsAlgorithm.RS256, key.Jwk, jws.SigningInput, jws.Signature);
                if (signatureValid) break;
            }
            if (method is not null && !bound)
                reasons.Add(new(ReasonCodes.KeyNotBound, $"key not bound to issuer: {method} is not owned by and listed in the publicKey of {issuerId}"));
            if (method is not null && !signatureValid)
                reasons.Add(new(ReasonCodes.SignatureInvalid, $"the signature does not verify with {method}"));
        }
        return await ComposeAsync(CredentialFormat.OpenBadges2Signed, container, assertion, badge, issuer, signatureValid, bound, method, reasons, recipient, cancellationToken);
    }

    private async Task<(JsonElement? Badge, JsonElement? Issuer)> LinkedAsync(JsonElement assertion, List<CredentialReason> reasons, CancellationToken cancellationToken)
    {
        var (badge, badgeProblem) = await _documents.LoadAsync(Json.Property(assertion, "badge"), "BadgeClass", allowEmbedded: true, cancellationToken);
        if (badge is null)
        {
            reasons.Add(new(ReasonCodes.FetchFailed, badgeProblem!));
            return (null, null);
        }
        var (issuer, issuerProblem) = await _documents.LoadAsync(Json.Property(badge.Value, "issuer"), "issuer Profile", allowEmbedded: false, cancellationToken);
        if (issuer is null) reasons.Add(new(ReasonCodes.IssuerMissing, issuerProblem!));
        return (badge, issuer);
    }

    private async Task<CredentialVerdict> ComposeAsync(
        CredentialFormat format, CredentialContainer container, JsonElement assertion, JsonElement? badge, JsonElement? issuer,
        bool signatureValid, bool bound, string? method, List<CredentialReason> reasons, ExpectedRecipient? recipient, CancellationToken cancellationToken)
    {
        var recipientObject = Json.Property(assertion, "recipient");
        if (recipientObject is null) reasons.Add(new(ReasonCodes.SubjectMissing, "the assertion has no recipient"));
        DateTimeOffset? issued = null, expires = null;
        try
        {
            issued = Json.Date(assertion, "issuedOn");
            expires = Json.Date(assertion, "expires");
        }
        catch (CredentialFormatException e)
        {
            reasons.Add(new(ReasonCodes.MalformedJson, e.Message));
        }
        var window = VerdictChecks.Window(time.GetUtcNow(), clockSkew, issued, expires, reasons);
        var (status, statusReason) = issuer is { } profile
            ? await _documents.CheckRevocationListAsync(profile, assertion, cancellationToken)
            : (StatusCheck.Unknown, "status unknown: the issuer profile is unavailable");
        if (statusReason is not null)
            reasons.Add(new(status switch { StatusCheck.Revoked => ReasonCodes.Revoked, _ => ReasonCodes.StatusUnknown }, statusReason));
        List<RecipientIdentity> identities = recipientObject is { } r && Json.Text(r, "identity") is { } identity
            ? [new RecipientIdentity(Json.Text(r, "type") ?? "email", Json.Property(r, "hashed") is { ValueKind: JsonValueKind.True }, identity, Json.Text(r, "salt"))]
            : [];
        var match = RecipientBinding.Match(recipient, null, identities);
        VerdictChecks.RecipientReason(match, reasons);
        return new CredentialVerdict
        {
            Format = format,
            Container = container,
            Types = Json.Strings(assertion, "type"),
            CredentialId = Json.Text(assertion, "id"),
            IssuerId = issuer is { } i ? Json.Text(i, "id") : null,
            IssuerName = issuer is { } n ? Json.Loose(Json.Property(n, "name")) : null,
            ValidFrom = issued,
            ValidUntil = expires,
            Achievements = badge is { } b ? [AchievementReader.Read(b)] : [],
            StructureValid = badge is not null && issuer is not null && recipientObject is not null && !reasons.Any(x => x.Code == ReasonCodes.MalformedJson),
            SignatureValid = signatureValid,
            KeyBoundToIssuer = bound,
            VerificationMethod = method,
            Window = window,
            Status = status,
            Recipient = match,
            Reasons = reasons,
        };
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Authority, b.Authority, StringComparison.OrdinalIgnoreCase);

    private static CredentialVerdict Rejected(CredentialFormat format, CredentialContainer container, string code, string message) => new()
    {
        Format = format,
        Container = container,
        Reasons = [new CredentialReason(code, message)],
    };
}
