namespace SkillsMatch.Credentials;

/// <summary>
/// What verifying a Verifiable Presentation secured with a Data Integrity proof established (VC 2.0 §4.13, VC-DI 1.0
/// §4.4): the holder's proof (purpose <c>authentication</c>, this verifier's challenge and domain) by a key the holder
/// controls, and the verdict on every credential it carries, each checked as issued to that holder.
/// </summary>
public sealed record DataIntegrityPresentationVerdict
{
    public string? Holder { get; init; }
    public bool ProofValid { get; init; }
    public bool HolderBound { get; init; }
    public string? VerificationMethod { get; init; }
    public string? ProofType { get; init; }
    public string? Cryptosuite { get; init; }
    public IReadOnlyList<CredentialVerdict> Credentials { get; init; } = [];
    public IReadOnlyList<CredentialReason> Reasons { get; init; } = [];

    /// <summary>The holder's proof holds and every presented credential is verified (and issued to the holder).</summary>
    public bool IsVerified => ProofValid && HolderBound && Credentials.Count > 0 && Credentials.All(c => c.IsVerified);
}
