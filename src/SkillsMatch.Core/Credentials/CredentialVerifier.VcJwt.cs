using System.Text.Json;
using System.Text.Json.Nodes;
using SkillsMatch.Credentials.Formats;
using SkillsMatch.Credentials.Keys;

namespace SkillsMatch.Credentials;

public sealed partial class CredentialVerifier
{
    /// <summary>
    /// A VC-JWT: VCDM 1.1 style (the credential in the <c>vc</c> claim, VCDM 1.1 §6.3.1) or VC-JOSE-COSE style
    /// (the credential is the payload). OB 3.0 §8.2 "Verify a Credential": iss, jti, sub and nbf must agree with issuer.id, id,
    /// credentialSubject.id and validFrom.
    /// </summary>
    private async Task<CredentialVerdict> VerifyVcJwtAsync(CompactJws jws, JsonElement payload, CredentialContainer container, ExpectedRecipient? recipient, int depth, CancellationToken cancellationToken)
    {
        var reasons = new List<CredentialReason>();
        var vc = Json.Property(payload, "vc");
        bool vcClaim = vc is { ValueKind: JsonValueKind.Object };
        var iss = Json.Text(payload, "iss");
        var jti = Json.Text(payload, "jti");
        var sub = Json.Text(payload, "sub");
        var nbf = NumericDate(payload, "nbf", reasons);
        var exp = NumericDate(payload, "exp", reasons);

        var credentialJson = vcClaim ? WithClaims(vc!.Value, iss, jti, sub, nbf, exp) : payload;
        var credential = VcCredentialReader.Read(credentialJson);
        reasons.AddRange(credential.Problems);

        Mismatch(reasons, "iss", iss, "issuer.id", credential.IssuerId);
        Mismatch(reasons, "jti", jti, "id", credential.Id);
        Mismatch(reasons, "sub", sub, "credentialSubject.id", credential.SubjectId);
        if (nbf is { } n && credential.ValidFrom is { } from && n.ToUnixTimeSeconds() != from.ToUnixTimeSeconds())
            reasons.Add(new(ReasonCodes.ClaimMismatch, $"JWT nbf {n:u} does not match validFrom {from:u}"));
        // VCDM 1.1 §6.3.1: exp represents expirationDate. In VC-JOSE it is the signature's own expiry: a bound only.
        if (vcClaim && exp is { } e && credential.ValidUntil is { } until && e.ToUnixTimeSeconds() != until.ToUnixTimeSeconds())
            reasons.Add(new(ReasonCodes.ClaimMismatch, $"JWT exp {e:u} does not match validUntil {until:u}"));

        var signature = await _keys.VerifyAsync(jws, credential.IssuerId ?? iss, cancellationToken);
        signature.Reasons.InsertRange(0, reasons);
        return await ComposeAsync(CredentialFormat.VcJwt, container, credential, signature, nbf, exp, recipient, depth, cancellationToken);
    }

    private async Task<CredentialVerdict> ComposeAsync(
        CredentialFormat format, CredentialContainer container, VcCredential credential, SignatureOutcome signature,
        DateTimeOffset? nbf, DateTimeOffset? exp, ExpectedRecipient? recipient, int depth, CancellationToken cancellationToken)
    {
        var reasons = signature.Reasons;
        bool structureValid = !reasons.Any(r => r.Code is ReasonCodes.ContextMissing or ReasonCodes.TypeMissing or ReasonCodes.IssuerMissing
            or ReasonCodes.SubjectMissing or ReasonCodes.ClaimMismatch or ReasonCodes.MalformedJson or ReasonCodes.MalformedJwt);
        var window = VerdictChecks.Window(_time.GetUtcNow(), _options.ClockSkew, Later(credential.ValidFrom, nbf), Earlier(credential.ValidUntil, exp), reasons);
        var status = await _status.CheckAsync(credential.Statuses, credential.Id, credential.IssuerId, cancellationToken);
        reasons.AddRange(status.Reasons);
        var match = RecipientBinding.Match(recipient, credential.SubjectId, credential.Identities);
        VerdictChecks.RecipientReason(match, reasons);
        bool certify = VerdictChecks.ResultsCertify(credential.Results, reasons);
        var nested = await VerifyNestedAsync(credential, recipient, depth, cancellationToken);
        var achievements = new List<CredentialAchievement>(credential.Achievements);
        var results = new List<AchievementResult>(credential.Results);
        AddNested(nested, achievements, results, reasons);
        return new CredentialVerdict
        {
            Format = format,
            Container = container,
            Types = credential.Types,
            CredentialId = credential.Id,
            IssuerId = credential.IssuerId,
            IssuerName = credential.IssuerName,
            SubjectId = credential.SubjectId,
            ValidFrom = credential.ValidFrom,
            ValidUntil = credential.ValidUntil,
            Achievements = achievements,
            Results = results,
            StructureValid = structureValid,
            SignatureValid = signature.SignatureValid,
            KeyBoundToIssuer = signature.KeyBound,
            VerificationMethod = signature.VerificationMethod,
            Window = window,
            Status = status.Status,
            Recipient = match,
            ResultsCertify = certify,
            Reasons = reasons,
            NestedCredentials = nested,
        };
    }

    /// <summary>VCDM 1.1 §6.3.1 lets a JWT move issuer, id, subject id and dates into claims; put them back before reading.</summary>
    private static JsonElement WithClaims(JsonElement vc, string? iss, string? jti, string? sub, DateTimeOffset? nbf, DateTimeOffset? exp)
    {
        bool needsIssuer = iss is not null && Json.Property(vc, "issuer") is null;
        bool needsId = jti is not null && Json.Property(vc, "id") is null;
        bool needsFrom = nbf is not null && Json.Property(vc, "issuanceDate") is null && Json.Property(vc, "validFrom") is null;
        bool needsUntil = exp is not null && Json.Property(vc, "expirationDate") is null && Json.Property(vc, "validUntil") is null;
        bool needsSubject = sub is not null && Json.Property(vc, "credentialSubject") is { ValueKind: JsonValueKind.Object } s && Json.Property(s, "id") is null;
        if (!(needsIssuer || needsId || needsFrom || needsUntil || needsSubject)) return vc;

        var node = JsonNode.Parse(vc.GetRawText())!.AsObject();
        bool v1 = Json.Strings(vc, "@context").FirstOrDefault() == VcCredentialReader.Vcdm1Context;
        if (needsIssuer) node["issuer"] = iss;
        if (needsId) node["id"] = jti;
        if (needsFrom) node[v1 ? "issuanceDate" : "validFrom"] = nbf!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        if (needsUntil) node[v1 ? "expirationDate" : "validUntil"] = exp!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        if (needsSubject) node["credentialSubject"]!["id"] = sub;
        return JsonSerializer.SerializeToElement(node);
    }

    private static DateTimeOffset? NumericDate(JsonElement payload, string claim, List<CredentialReason> reasons)
    {
        if (Json.Property(payload, claim) is not { } value) return null;
        // RFC 7519 §2 NumericDate: seconds since the epoch, possibly fractional.
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && Math.Abs(seconds) < 253402300799)
            return DateTimeOffset.FromUnixTimeSeconds((long)seconds);
        reasons.Add(new(ReasonCodes.MalformedJwt, $"the JWT {claim} claim is not a NumericDate"));
        return null;
    }

    private static void Mismatch(List<CredentialReason> reasons, string claim, string? claimValue, string property, string? propertyValue)
    {
        if (claimValue is not null && propertyValue is not null && claimValue != propertyValue)
            reasons.Add(new(ReasonCodes.ClaimMismatch, $"JWT {claim} '{claimValue}' does not match {property} '{propertyValue}'"));
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
