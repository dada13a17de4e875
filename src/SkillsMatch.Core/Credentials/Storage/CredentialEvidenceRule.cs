using SkillsMatch.Learners;

namespace SkillsMatch.Credentials.Storage;

/// <summary>
/// The one rule from a credential's assessment to the tiers of the skills it evidences, applied at ingest and at every
/// re-verification (on demand or scheduled), in the same transaction that stores the verdict:
/// <list type="bullet">
/// <item>revoked or suspended: the credential evidences nothing (all its evidence rows are removed; a lifted suspension restores them on the next check);</item>
/// <item>alignment skills: tier 4 credential-verified when <see cref="CredentialAssessment.Verified"/> (which needs the
/// subject bound to the learner); none when a result is not Completed (the issuer does not certify them); otherwise tier 3
/// attested (holder not bound, untrusted or unknown issuer, unknown status, expired or not yet valid, or authenticity no
/// longer established on re-check);</item>
/// <item>skills the extraction pipeline finds in the achievement's text: tier 2 inferred, unless the same skill is already
/// evidenced by one of the credential's alignments, and none when a result is not Completed.</item>
/// </list>
/// </summary>
public static class CredentialEvidenceRule
{
    public static EvidenceTier? ForAlignment(CredentialAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.Withdrawn || !assessment.Verdict.ResultsCertify) return null;
        return assessment.Verified ? EvidenceTier.CredentialVerified : EvidenceTier.Attested;
    }

    public static EvidenceTier? ForText(CredentialAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        // A result that is not Completed (Failed, InProgress …) certifies nothing: none of the credential's skills count.
        return assessment.Withdrawn || !assessment.Verdict.ResultsCertify ? null : EvidenceTier.Inferred;
    }

    /// <summary>The evidence rows to store for <paramref name="found"/> under <paramref name="assessment"/>.</summary>
    public static IReadOnlyList<CredentialEvidence> Apply(CredentialAssessment assessment, IReadOnlyList<FoundSkill> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var alignmentTier = ForAlignment(assessment);
        var textTier = ForText(assessment);
        var rows = new List<CredentialEvidence>();
        if (alignmentTier is { } a)
            rows.AddRange(found.Where(f => f.FromAlignment).DistinctBy(f => f.SkillId).Select(f => new CredentialEvidence(f, a)));
        if (textTier is { } t)
        {
            var aligned = rows.Select(r => r.Found.SkillId).ToHashSet();
            rows.AddRange(found.Where(f => !f.FromAlignment && !aligned.Contains(f.SkillId)).DistinctBy(f => f.SkillId).Select(f => new CredentialEvidence(f, t)));
        }
        return rows;
    }
}

/// <summary>A working-taxonomy skill a credential names (through an alignment) or mentions (found in its text).</summary>
public sealed record FoundSkill(long SkillId, bool FromAlignment, double Confidence, string Detail, int? SpanStart = null, int? SpanEnd = null);

/// <summary>A found skill with the tier the rule gave it: one <c>learner_skill_evidence</c> row.</summary>
public sealed record CredentialEvidence(FoundSkill Found, EvidenceTier Tier)
{
    public string Source => Found.FromAlignment ? "credential-alignment" : "credential-text";
}
