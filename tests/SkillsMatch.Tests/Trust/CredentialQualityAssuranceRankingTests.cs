using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Learners;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Retrieval;
using SkillsMatch.Tests.Credentials;
using SkillsMatch.Tests.Credentials.Storage;

namespace SkillsMatch.Tests.Trust;

/// <summary>
/// Issue 15: the ranker's credential QA input (accredited / framework-aligned) comes from the trust registry, and only for
/// credential-verified evidence, as the ranker was trained (SyntheticLearners gives QA to credential-verified skills only).
/// A credential that claims accreditation itself, from an issuer outside the registry, or a copy of someone else's
/// accredited credential, counts as none.
/// </summary>
[Collection(StoredCredentialsGroup.Name)]
public sealed class CredentialQualityAssuranceRankingTests
{
    private readonly CredentialApiFixture f;

    public CredentialQualityAssuranceRankingTests(CredentialApiFixture fixture)
    {
        f = fixture;
        f.Clock.Now = FixedClock.Default;
    }

    private static string Address() => $"qa-{Guid.NewGuid():N}@example.org";

    private async Task<IReadOnlyList<LearnerSkill>> SubmittedAsync(TestKey issuer, string subjectAddress, string learnerAddress, Action<JsonObject>? edit = null)
    {
        var credential = f.SkillsCredential(issuer.DidKey);
        credential["credentialSubject"]!["id"] = "mailto:" + subjectAddress;
        edit?.Invoke(credential);
        var learner = await f.CreateLearnerAsync(learnerAddress);
        var response = await f.SubmitAsync(learner, issuer.Sign(Ob3.Payload(credential), kid: issuer.DidKeyMethod));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var inputs = await f.Api.Services.GetRequiredService<MatchInputsStore>().LearnersAsync([learner], CancellationToken.None);
        var skills = inputs[learner].All.ToList();
        Assert.NotEmpty(skills);
        return skills;
    }

    [Fact]
    public async Task Only_a_bound_credential_of_a_registered_accredited_issuer_counts_as_accredited()
    {
        using var registered = TestKey.Ed25519();
        await f.RegisterIssuerAsync(registered.DidKey, trusted: true);
        using var unregistered = TestKey.Ed25519();
        var address = Address();

        var bound = await SubmittedAsync(registered, address, address);
        var copied = await SubmittedAsync(registered, Address(), Address());
        var other = Address();
        var selfDeclared = await SubmittedAsync(unregistered, other, other, credential =>
        {
            var achievement = credential["credentialSubject"]!["achievement"]!.AsObject();
            achievement["accreditation"] = "Accredited by the Ontario Ministry of Colleges and Universities";
            achievement["qualityAssurance"] = "accredited";
        });

        // The aligned skills are credential-verified and accredited; skills only found in the credential's text are inferred, without QA.
        Assert.Contains(bound, s => s.Tier == EvidenceTier.CredentialVerified);
        Assert.All(bound, s => Assert.Equal(s.Tier == EvidenceTier.CredentialVerified ? CredentialQaStatus.Accredited : CredentialQaStatus.None, s.CredentialQa));
        Assert.All(copied.Concat(selfDeclared), s => Assert.Equal(CredentialQaStatus.None, s.CredentialQa));
        Assert.All(copied.Concat(selfDeclared), s => Assert.True(s.Tier <= EvidenceTier.Attested, s.ToString()));
    }
}
