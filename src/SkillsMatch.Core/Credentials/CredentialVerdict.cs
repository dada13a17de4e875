namespace SkillsMatch.Credentials;

/// <summary>
/// What verifying one credential established. Every failed check adds its own <see cref="Reasons"/> entry;
/// nothing here says "valid" unless the check behind it actually ran and passed.
/// </summary>
public sealed record CredentialVerdict
{
    public required CredentialFormat Format { get; init; }
    public CredentialContainer Container { get; init; } = CredentialContainer.Text;

    /// <summary>Declared types, e.g. VerifiableCredential + OpenBadgeCredential or ClrCredential (OB 2.0: Assertion).</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>The credential's own id (OB 3.0 <c>id</c> / JWT <c>jti</c>, OB 2.0 assertion id).</summary>
    public string? CredentialId { get; init; }
    public string? IssuerId { get; init; }
    public string? IssuerName { get; init; }
    public string? SubjectId { get; init; }
    public DateTimeOffset? ValidFrom { get; init; }
    public DateTimeOffset? ValidUntil { get; init; }
    public IReadOnlyList<CredentialAchievement> Achievements { get; init; } = [];
    public IReadOnlyList<AchievementResult> Results { get; init; } = [];

    /// <summary>Types, issuer, subject and JWT claims agree with the credential (OB 3.0 §8.2 "Verify a Credential" and "Verification and Validation").</summary>
    public bool StructureValid { get; init; }
    public bool SignatureValid { get; init; }
    public bool KeyBoundToIssuer { get; init; }

    /// <summary>The key (DID URL, JWK kid or key URL) that verified the signature.</summary>
    public string? VerificationMethod { get; init; }

    /// <summary>How the credential is secured: <c>VC-JWT</c>, or the Data Integrity proof type (e.g. DataIntegrityProof, Ed25519Signature2020).</summary>
    public string? ProofType { get; init; }

    /// <summary>The Data Integrity cryptosuite(s), e.g. <c>eddsa-rdfc-2022</c>; null for other proof types.</summary>
    public string? Cryptosuite { get; init; }
    public ValidityWindow Window { get; init; } = ValidityWindow.Unchecked;
    public StatusCheck Status { get; init; } = StatusCheck.NotApplicable;
    public RecipientMatch Recipient { get; init; } = RecipientMatch.NotChecked;

    /// <summary>False when any result carries a status other than <c>Completed</c>: such results certify nothing.</summary>
    public bool ResultsCertify { get; init; } = true;

    /// <summary>Set by the issuer trust registry, not by signature verification.</summary>
    public bool? IssuerTrusted { get; init; }
    public IReadOnlyList<CredentialReason> Reasons { get; init; } = [];

    /// <summary>
    /// CLR 2.0: the verdict of each bundled credential (ClrSubject.verifiableCredential), verified on its own against its
    /// own issuer. Only those verified contribute <see cref="Achievements"/>; the others are named in <see cref="Reasons"/>.
    /// </summary>
    public IReadOnlyList<CredentialVerdict> NestedCredentials { get; init; } = [];

    /// <summary>
    /// Signature valid ∧ key bound to the issuer ∧ inside the validity window ∧ not revoked or suspended ∧ every result
    /// Completed, and neither structurally broken nor issued to someone other than the expected learner.
    /// Issuer trust is deliberately not part of it: see <see cref="IssuerTrusted"/>.
    /// </summary>
    public bool IsVerified =>
        StructureValid && SignatureValid && KeyBoundToIssuer
        && Window == ValidityWindow.Valid
        && Status is not (StatusCheck.Revoked or StatusCheck.Suspended)
        && Recipient != RecipientMatch.Mismatch
        && ResultsCertify;

    public bool HasReason(string code) => Reasons.Any(r => r.Code == code);
}
