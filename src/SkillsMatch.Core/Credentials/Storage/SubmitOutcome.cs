namespace SkillsMatch.Credentials.Storage;

public enum SubmitResult
{
    LearnerNotFound,

    /// <summary>Not authentic (forged, malformed, oversized) or already revoked/suspended: nothing stored.</summary>
    Rejected,

    /// <summary>Another learner holds the same credential bound to them: nothing stored.</summary>
    ClaimedByAnother,
    Created,

    /// <summary>The same bytes were already stored for this learner: the existing record, unchanged.</summary>
    AlreadyStored,
}

/// <summary>What submitting a credential did: the stored record, or the assessment that refused it.</summary>
public sealed record SubmitOutcome(SubmitResult Result, StoredCredential? Credential = null, CredentialAssessment? Assessment = null);
