using System.Security.Cryptography;
using SkillsMatch.Credentials.Holder;
using SkillsMatch.Credentials.Trust;

namespace SkillsMatch.Credentials.Storage;

/// <summary>
/// A learner's credentials: submit (verify, judge against the trust registry, refuse the forged, store the authentic with
/// their skill evidence in one transaction) and re-verify (new verdict and re-tiered evidence in one transaction).
/// <para>
/// Refused (nothing stored): anything not <see cref="CredentialAssessment.Authentic"/> — malformed, oversized, unsupported,
/// bad signature, <c>alg: none</c>, private key in the header, key not bound to the issuer, an embedded proof we cannot
/// check yet —, credentials already revoked or suspended when submitted, and credentials another learner holds bound to
/// them. A credential whose subject is not bound to the learner is stored, its skills attested at most. Stored: every other authentic
/// credential, whatever its issuer's trust, status (unknown included) or validity window; <see cref="CredentialEvidenceRule"/>
/// decides the tiers of its skills.
/// </para>
/// </summary>
public sealed class LearnerCredentials(
    CredentialVerifier verifier, IssuerRegistry issuers, CredentialSkills skills, LearnerCredentialStore store, HolderStore holders,
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

        var (assessment, claimKey, claimedElsewhere) = await AssessAsync(learnerId, content, hash, ct);
        if (!assessment.Authentic || assessment.Withdrawn) return new SubmitOutcome(SubmitResult.Rejected, Assessment: assessment);
        // Issue 15: a credential another learner holds bound to them is theirs; a copy proves nothing and is not stored.
        if (claimedElsewhere) return new SubmitOutcome(SubmitResult.ClaimedByAnother, Assessment: assessment);

        var evidence = CredentialEvidenceRule.Apply(assessment, await skills.FindAsync(assessment.Verdict, ct));
        var record = CredentialRecord.From(assessment, time.GetUtcNow(), recheck.Interval) with { ClaimKey = claimKey };
        var inserted = await store.InsertAsync(learnerId, content, hash, mediaType, record, evidence, ct);
        if (inserted.ClaimTaken) return new SubmitOutcome(SubmitResult.ClaimedByAnother, Assessment: assessment);
        if (inserted.Id is not { } id) // the same bytes arrived concurrently and were stored first
            return new SubmitOutcome(SubmitResult.AlreadyStored, await store.GetAsync(learnerId, (await store.FindByContentAsync(learnerId, hash, ct))!.Value, ct));
        return new SubmitOutcome(SubmitResult.Created, await store.GetAsync(learnerId, id, ct), assessment);
    }

    /// <summary>Verifies the stored bytes again now and re-tiers the credential's evidence; null when there is no such credential.</summary>
    public async Task<StoredCredential?> ReverifyAsync(Guid learnerId, Guid credentialId, CancellationToken ct)
    {
        var stored = await store.LoadContentAsync(learnerId, credentialId, ct);
        if (stored is null) return null;
        var (assessment, _, _) = await AssessAsync(learnerId, stored.Content, SHA256.HashData(stored.Content), ct);
        // Skills come from what this verification could read: a hosted OB 2.0 assertion whose host does not answer
        // evidences nothing until it answers again (OB 2.0 hosted verification trusts only the fetched copy).
        var evidence = CredentialEvidenceRule.Apply(assessment, await skills.FindAsync(assessment.Verdict, ct));
        var record = CredentialRecord.From(assessment, time.GetUtcNow(), recheck.Interval);
        return await store.UpdateVerdictAsync(learnerId, credentialId, record, evidence, ct)
            ? await store.GetAsync(learnerId, credentialId, ct)
            : null;
    }

    /// <summary>
    /// After the learner verified an e-mail or proved a DID: every stored credential not yet bound is verified again, so
    /// the ones that name the new identity are upgraded without being submitted again. The number upgraded.
    /// </summary>
    public async Task<int> RebindAsync(Guid learnerId, CancellationToken ct)
    {
        var upgraded = 0;
        foreach (var credentialId in await store.UnboundAsync(learnerId, ct))
            if (await ReverifyAsync(learnerId, credentialId, ct) is { HolderBound: true }) upgraded++;
        return upgraded;
    }

    private async Task<(CredentialAssessment Assessment, string ClaimKey, bool ClaimedElsewhere)> AssessAsync(
        Guid learnerId, byte[] content, byte[] hash, CancellationToken ct)
    {
        var recipient = await holders.ExpectedRecipientAsync(learnerId, ct);
        var verdict = await verifier.VerifyAsync(content, recipient, ct);
        var issuer = verdict.IssuerId is { } uri ? await issuers.FindAsync(uri, ct) : null;
        var claimKey = ClaimKey(verdict, hash);
        var claimedElsewhere = await store.ClaimedByAnotherAsync(claimKey, learnerId, ct);
        return (CredentialAssessment.Of(verdict, issuer, verdict.Recipient == RecipientMatch.Matched && !claimedElsewhere), claimKey, claimedElsewhere);
    }

    /// <summary>The same credential whatever its container: its issuer and id, or (without an id) the hash of its bytes.</summary>
    private static string ClaimKey(CredentialVerdict verdict, byte[] hash) =>
        $"{verdict.IssuerId} {(string.IsNullOrWhiteSpace(verdict.CredentialId) ? Convert.ToHexStringLower(hash) : verdict.CredentialId)}";
}
