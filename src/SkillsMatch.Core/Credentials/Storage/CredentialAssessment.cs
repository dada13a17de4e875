using SkillsMatch.Credentials.Trust;

namespace SkillsMatch.Credentials.Storage;

/// <summary>
/// A verdict judged against the trust registry: is the credential authentic (what ingest requires), and is it fully
/// verified (what tier 4 requires)? The rule that turns this into evidence tiers is <see cref="CredentialEvidenceRule"/>.
/// </summary>
public sealed record CredentialAssessment(CredentialVerdict Verdict)
{
    /// <summary>
    /// The bytes are what the issuer signed, with a key the issuer controls: a well-formed credential, a valid signature
    /// and the key bound to issuer.id. Not authentic means forged or malformed. Whose it is is <see cref="HolderBound"/>.
    /// </summary>
    public bool Authentic =>
        Verdict.Format != CredentialFormat.Unknown && Verdict.IssuerId is not null
        && Verdict.StructureValid && Verdict.SignatureValid && Verdict.KeyBoundToIssuer;

    /// <summary>
    /// The subject is the submitting learner: it names one of the learner's verified e-mails or proven DIDs, and no other
    /// learner holds the same credential bound to them (issue 15: a copy of someone's credential proves nothing).
    /// </summary>
    public bool HolderBound { get; init; }

    /// <summary>The issuer has withdrawn it (for now, when suspended).</summary>
    public bool Withdrawn => Verdict.Status is StatusCheck.Revoked or StatusCheck.Suspended;

    /// <summary>
    /// Authentic ∧ holder bound ∧ issuer trusted ∧ status valid (or none declared; an unknown status is never valid) ∧ inside its validity
    /// window ∧ every result Completed.
    /// </summary>
    public bool Verified =>
        Authentic && HolderBound && Verdict.IssuerTrusted == true
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

    /// <summary>
    /// Sets <see cref="CredentialVerdict.IssuerTrusted"/> from the registry and says why when the issuer is not trusted;
    /// <paramref name="holderBound"/> (null: the verdict's own recipient match decides) says whether the subject is the learner.
    /// </summary>
    public static CredentialAssessment Of(CredentialVerdict verdict, Issuer? issuer, bool? holderBound = null)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var bound = holderBound ?? verdict.Recipient == RecipientMatch.Matched;
        var reasons = verdict.Reasons.Where(r => r.Code != ReasonCodes.RecipientMismatch).ToList();
        if (!bound)
            reasons.Add(new CredentialReason(ReasonCodes.HolderNotBound,
                "the credential's subject is not bound to this learner: verify the e-mail it names or present its DID, and its skills count as credential-verified"));
        if (issuer is { Trusted: true }) return new(verdict with { IssuerTrusted = true, Reasons = reasons }) { HolderBound = bound };
        reasons.Add(issuer is null
            ? new CredentialReason(ReasonCodes.IssuerUnknown, $"the issuer {verdict.IssuerId ?? "(none)"} is not in the trust registry")
            : new CredentialReason(ReasonCodes.IssuerNotTrusted, $"the issuer {issuer.Name} ({issuer.IssuerUri}) is in the trust registry but not trusted"));
        return new(verdict with { IssuerTrusted = false, Reasons = reasons }) { HolderBound = bound };
    }
}
