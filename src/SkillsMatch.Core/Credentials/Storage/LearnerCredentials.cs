using System.Security.Cryptography;
using SkillsMatch.Credentials.Trust;

namespace SkillsMatch.Credentials.Storage;

/// <summary>
/// A learner's credentials: submit (verify, judge against the trust registry, refuse the forged, store the authentic with
/// their skill evidence in one transaction) and re-verify (new verdict and re-tiered evidence in one transaction).
/// <para>
/// Refused (nothing stored): anything not <see cref="CredentialAssessment.Authentic"/> — malformed, oversized, unsupported,
/// bad signature, <c>alg: none</c>, private key in the header, key not bound to the issuer, recipient mismatch, an embedded
/// proof we cannot check yet — and credentials already revoked or suspended when submitted. Stored: every other authentic
/// credential, whatever its issuer's trust, status (unknown included) or validity window; <see cref="CredentialEvidenceRule"/>
/// decides the tiers of its skills.
/// </para>
/// </summary>
public sealed class LearnerCredentials(
    CredentialVerifier verifier, IssuerRegistry issuers, CredentialSkills skills, LearnerCredentialStore store,
    CredentialRecheckOptions recheck, TimeProvider time)
{
    public async Task<SubmitOutcome> SubmitAsync(Guid learnerId, byte[] content, string mediaType, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var learner = await store.FindLearnerAsync(learnerId, ct);
        if (learner is null) return new SubmitOutcome(SubmitResult.LearnerNotFound);
        var hash = SHA256.HashData(content);
        if (await store.FindByContentAsync(learnerId, hash, ct) is { } existing)
            return new SubmitOutcome(SubmitResult.AlreadyStored, await store.GetAsync(learnerId, existing, ct));

        var assessment = await AssessAsync(content, learner.Email, ct);
        if (!assessment.Authentic || assessment.Withdrawn) return new SubmitOutcome(SubmitResult.Rejected, Assessment: assessment);

        var evidence = CredentialEvidenceRule.Apply(assessment, await skills.FindAsync(assessment.Verdict, ct));
        var record = CredentialRecord.From(assessment, time.GetUtcNow(), recheck.Interval);
        var id = await store.InsertAsync(learnerId, content, hash, mediaType, record, evidence, ct);
        if (id is null) // the same bytes arrived concurrently and were stored first
            return new SubmitOutcome(SubmitResult.AlreadyStored, await store.GetAsync(learnerId, (await store.FindByContentAsync(learnerId, hash, ct))!.Value, ct));
        return new SubmitOutcome(SubmitResult.Created, await store.GetAsync(learnerId, id.Value, ct), assessment);
    }

    /// <summary>Verifies the stored bytes again now and re-tiers the credential's evidence; null when there is no such credential.</summary>
    public async Task<StoredCredential?> ReverifyAsync(Guid learnerId, Guid credentialId, CancellationToken ct)
    {
        var stored = await store.LoadContentAsync(learnerId, credentialId, ct);
        if (stored is null) return null;
        var assessment = await AssessAsync(stored.Content, stored.Email, ct);
        // Skills come from what this verification could read: a hosted OB 2.0 assertion whose host does not answer
        // evidences nothing until it answers again (OB 2.0 hosted verification trusts only the fetched copy).
        var evidence = CredentialEvidenceRule.Apply(assessment, await skills.FindAsync(assessment.Verdict, ct));
        var record = CredentialRecord.From(assessment, time.GetUtcNow(), recheck.Interval);
        return await store.UpdateVerdictAsync(learnerId, credentialId, record, evidence, ct)
            ? await store.GetAsync(learnerId, credentialId, ct)
            : null;
    }

    private async Task<CredentialAssessment> AssessAsync(byte[] content, string? learnerEmail, CancellationToken ct)
    {
        var recipient = string.IsNullOrWhiteSpace(learnerEmail) ? null : new ExpectedRecipient(Email: learnerEmail);
        var verdict = await verifier.VerifyAsync(content, recipient, ct);
        var issuer = verdict.IssuerId is { } uri ? await issuers.FindAsync(uri, ct) : null;
        return CredentialAssessment.Of(verdict, issuer);
    }
}
