using SkillsMatch.Credentials;
using SkillsMatch.Credentials.Storage;
using SkillsMatch.Learners;

namespace SkillsMatch.Tests.Credentials.Storage;

[Trait("Category", "Unit")]
public sealed class CredentialEvidenceRuleTests
{
    private static readonly FoundSkill[] Found =
    [
        new(1, FromAlignment: true, 1.0, "https://skillsmatch.example/skills/sql"),
        new(1, FromAlignment: false, 0.9, "SQL", 0, 3),
        new(2, FromAlignment: false, 0.8, "window functions", 40, 56),
    ];

    private static CredentialVerdict Authentic(bool trusted = true) => new()
    {
        Format = CredentialFormat.VcJwt,
        IssuerId = "did:key:z6Mk",
        StructureValid = true,
        SignatureValid = true,
        KeyBoundToIssuer = true,
        Window = ValidityWindow.Valid,
        Status = StatusCheck.Valid,
        IssuerTrusted = trusted,
    };

    private static Dictionary<(long, string), EvidenceTier> Tiers(CredentialVerdict verdict) =>
        CredentialEvidenceRule.Apply(new CredentialAssessment(verdict) { HolderBound = true }, Found).ToDictionary(e => (e.Found.SkillId, e.Source), e => e.Tier);

    [Fact]
    public void Fully_verified_alignment_is_tier_4_and_text_of_an_aligned_skill_adds_nothing()
    {
        var tiers = Tiers(Authentic());

        Assert.Equal(EvidenceTier.CredentialVerified, tiers[(1, "credential-alignment")]);
        Assert.False(tiers.ContainsKey((1, "credential-text")));
        Assert.Equal(EvidenceTier.Inferred, tiers[(2, "credential-text")]);
    }

    [Theory]
    [InlineData("untrusted")]
    [InlineData("status-unknown")]
    [InlineData("expired")]
    [InlineData("not-yet-valid")]
    [InlineData("key-gone")]
    public void Anything_short_of_fully_verified_but_not_withdrawn_attests_alignments(string why)
    {
        var verdict = why switch
        {
            "untrusted" => Authentic(trusted: false),
            "status-unknown" => Authentic() with { Status = StatusCheck.Unknown },
            "expired" => Authentic() with { Window = ValidityWindow.Expired },
            "not-yet-valid" => Authentic() with { Window = ValidityWindow.NotYetValid },
            _ => Authentic() with { KeyBoundToIssuer = false },
        };

        var tiers = Tiers(verdict);

        Assert.Equal(EvidenceTier.Attested, tiers[(1, "credential-alignment")]);
        Assert.Equal(EvidenceTier.Inferred, tiers[(2, "credential-text")]);
    }

    [Theory]
    [InlineData(StatusCheck.Revoked)]
    [InlineData(StatusCheck.Suspended)]
    public void Revoked_or_suspended_credential_evidences_nothing(StatusCheck status) =>
        Assert.Empty(Tiers(Authentic() with { Status = status }));

    [Fact]
    public void Result_not_completed_evidences_no_skill_at_any_tier() =>
        // Issue 15: a Failed (or InProgress …) result certifies nothing, neither its alignments nor its text.
        Assert.Empty(Tiers(Authentic() with { ResultsCertify = false }));

    [Fact]
    public void Unknown_issuer_adds_its_reason_and_untrusted_never_verifies()
    {
        var assessment = CredentialAssessment.Of(Authentic(trusted: false) with { IssuerTrusted = null }, issuer: null);

        Assert.False(assessment.Verified);
        Assert.True(assessment.Authentic);
        Assert.Equal(false, assessment.Verdict.IssuerTrusted);
        Assert.True(assessment.Verdict.HasReason(ReasonCodes.IssuerUnknown));
    }
}
