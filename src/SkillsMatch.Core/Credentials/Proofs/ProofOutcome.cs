namespace SkillsMatch.Credentials.Proofs;

/// <summary>
/// What checking a document's Data Integrity proof(s) established: every proof's signature valid, the signing key
/// bound to the expected controller (the issuer, or the holder for a presentation), and the proof type and
/// cryptosuite (several when a proof set mixes them). Failures carry their own reasons.
/// </summary>
public sealed record ProofOutcome(bool SignatureValid, bool KeyBound, string? VerificationMethod, string? ProofType, string? Cryptosuite, List<CredentialReason> Reasons);
