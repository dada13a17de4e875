using SkillsMatch.Credentials.Trust;

namespace SkillsMatch.Credentials.Storage;

/// <summary>
/// A verdict judged against the trust registry: is the credential authentic (what ingest requires), and is it fully
/// verified (what tier 4 requires)? The rule that turns this into evidence tiers is <see cref="CredentialEvidenceRule"/>.
/// </summary>
public sealed record CredentialAssessment(CredentialVerdict Verdict)
{
    /// <summary>
    /// The bytes are what the issuer signed, with a key the issuer controls, for this learner: a well-formed credential,
    /// a valid signature, the key bound to issuer.id, and no recipient mismatch. Not authentic means forged or malformed.
    /// </summary>
    public bool Authentic =>
        Verdict.Format != CredentialFormat.Unknown && Verdict.IssuerId is not null
        && Verdict.StructureValid && Verdict.SignatureValid && Verdict.KeyBoundToIssuer
        && Verdict.Recipient != RecipientMatch.Mismatch;

    /// <summary>The issuer has withdrawn it (for now, when suspended).</summary>
    public bool Withdrawn => Verdict.Status is StatusCheck.Revoked or StatusCheck.Suspended;

    /// <summary>
    /// Authentic ∧ issuer trusted ∧ status valid (or none declared; an unknown status is never valid) ∧ inside its validity
    /// window ∧ every result Completed.
    /// </summary>
    public bool Verified =>
        Authentic && Verdict.IssuerTrusted == true
        && Verdict.Status is StatusCheck.Valid or StatusCheck.NotApplicable
        && Verdict.Window == ValidityWindow.Valid
        && Verdict.ResultsCertify;

    /// <summary>The <c>learner_credentials.status</c> value.</summary>
    public string StoredStatus => Verdict.Status switch
    {
        StatusCheck.Revoked => "revoked",
        StatusCheck.Suspended => "suspended",
        StatusCheck.Unknown => "unknown",
        _ => "active",
    };

    /// <summary>Sets <see cref="CredentialVerdict.IssuerTrusted"/> from the registry and says why when the issuer is not trusted.</summary>
    public static CredentialAssessment Of(CredentialVerdict verdict, Issuer? issuer)
    {
        if (issuer is { Trusted: true }) return new(verdict with { IssuerTrusted = true });
        var reason = issuer is null
            ? new CredentialReason(ReasonCodes.IssuerUnknown, $"the issuer {verdict.IssuerId ?? "(none)"} is not in the trust registry")
            : new CredentialReason(ReasonCodes.IssuerNotTrusted, $"the issuer {issuer.Name} ({issuer.IssuerUri}) is in the trust registry but not trusted");
        return new(verdict with { IssuerTrusted = false, Reasons = [.. verdict.Reasons, reason] });
    }
}
