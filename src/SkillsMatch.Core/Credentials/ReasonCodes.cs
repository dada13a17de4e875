namespace SkillsMatch.Credentials;

/// <summary>The stable codes of <see cref="CredentialReason"/>: one per distinct way a credential can fail.</summary>
public static class ReasonCodes
{
    public const string InputTooLarge = "input-too-large";
    public const string Malformed = "malformed";
    public const string MalformedJson = "malformed-json";
    public const string MalformedJwt = "malformed-jwt";
    public const string MalformedPng = "malformed-png";
    public const string MalformedSvg = "malformed-svg";
    public const string UnsupportedFormat = "unsupported-format";
    public const string AlgorithmNotAllowed = "alg-not-allowed";
    public const string PrivateKeyInHeader = "private-key-in-header";
    public const string CriticalHeader = "crit-not-understood";
    public const string ContextMissing = "context-missing";
    public const string TypeMissing = "type-missing";
    public const string IssuerMissing = "issuer-missing";
    public const string SubjectMissing = "subject-missing";
    public const string ClaimMismatch = "claim-mismatch";
    public const string KeyUnresolved = "key-unresolved";
    public const string KeyNotBound = "key-not-bound";
    public const string SignatureInvalid = "signature-invalid";
    public const string ProofNotSupported = "proof-not-supported";
    public const string Expired = "expired";
    public const string NotYetValid = "not-yet-valid";
    public const string Revoked = "revoked";
    public const string Suspended = "suspended";
    public const string StatusUnknown = "status-unknown";
    public const string RecipientMismatch = "recipient-mismatch";
    public const string HolderNotBound = "holder-not-bound";
    public const string AlreadyClaimed = "already-claimed";
    public const string ResultNotCompleted = "result-not-completed";
    public const string OriginMismatch = "origin-mismatch";
    public const string FetchFailed = "fetch-failed";
    public const string IssuerNotTrusted = "issuer-not-trusted";
    public const string IssuerUnknown = "issuer-unknown";
    public const string NestedCredentialInvalid = "nested-credential-invalid";

    // Data Integrity proofs (VC Data Integrity 1.0; Credentials/Proofs)
    public const string ContextNotAllowed = "context-not-allowed";
    public const string UndefinedTerm = "undefined-term";
    public const string MalformedJsonLd = "malformed-json-ld";
    public const string CanonicalizationTooComplex = "canonicalization-too-complex";
    public const string ProofPurposeMismatch = "proof-purpose-mismatch";
    public const string ProofExpired = "proof-expired";
    public const string ProofNotYetValid = "proof-not-yet-valid";
    public const string ChallengeMismatch = "challenge-mismatch";
    public const string DomainMismatch = "domain-mismatch";
}
