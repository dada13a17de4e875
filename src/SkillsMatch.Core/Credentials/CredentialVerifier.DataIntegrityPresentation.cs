using System.Text.Json;
using SkillsMatch.Credentials.LinkedData;
using SkillsMatch.Credentials.Proofs;

namespace SkillsMatch.Credentials;

/// <summary>Verifiable Presentations secured with a Data Integrity proof: the holder binding of a learner's submission.</summary>
public sealed partial class CredentialVerifier
{
    /// <summary>
    /// Verifies a presentation against the <paramref name="challenge"/> and <paramref name="domain"/> this service issued.
    /// Never throws for bad input. Credentials inside are verified as if submitted alone, with the holder as expected
    /// recipient unless <paramref name="recipient"/> says otherwise.
    /// </summary>
    public async Task<DataIntegrityPresentationVerdict> VerifyDataIntegrityPresentationAsync(string input, string challenge, string domain,
        ExpectedRecipient? recipient = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(challenge);
        ArgumentException.ThrowIfNullOrEmpty(domain);
        if (input.Length > _options.MaxInputBytes)
            return new() { Reasons = [new(ReasonCodes.InputTooLarge, "the presentation is too large")] };
        Dictionary<string, object?> presentation;
        try
        {
            presentation = PlainJson.Parse(input) as Dictionary<string, object?> ?? throw new LinkedDataException("loading document failed", "not a JSON object");
        }
        catch (LinkedDataException e)
        {
            return new() { Reasons = [new(ReasonCodes.MalformedJson, $"the presentation is not valid JSON: {e.Message}")] };
        }
        if (!Keywords.AsList(presentation.GetValueOrDefault("type")).Contains("VerifiablePresentation"))
            return new() { Reasons = [new(ReasonCodes.TypeMissing, "type must include VerifiablePresentation")] };
        var holder = presentation.GetValueOrDefault("holder") switch
        {
            string s => s,
            Dictionary<string, object?> m => m.GetValueOrDefault("id") as string,
            _ => null,
        };
        var reasons = new List<CredentialReason>();
        if (holder is null) reasons.Add(new(ReasonCodes.KeyNotBound, "the presentation names no holder to bind its proof to"));

        // VC 2.0 §4.13 / VC-DI 1.0 §4.4: a presentation proof is for authentication, over this verifier's challenge and domain.
        var proof = await _dataIntegrity.VerifyAsync(presentation, "authentication", holder, challenge, domain, cancellationToken);
        reasons.AddRange(proof.Reasons);
        if (proof.SignatureValid && !reasons.Any(r => r.Code is ReasonCodes.ChallengeMismatch or ReasonCodes.DomainMismatch)
            && presentation.GetValueOrDefault("proof") is { } p && Keywords.AsList(p).OfType<Dictionary<string, object?>>().Any(x => x.GetValueOrDefault("challenge") is null))
            reasons.Add(new(ReasonCodes.ChallengeMismatch, "the presentation proof carries no challenge"));

        var verdicts = new List<CredentialVerdict>();
        var expected = recipient ?? (holder is null ? null : new ExpectedRecipient(Did: holder));
        foreach (var credential in Keywords.AsList(presentation.GetValueOrDefault("verifiableCredential")))
        {
            var text = credential switch
            {
                string jwt => jwt,
                Dictionary<string, object?> map => JsonSerializer.Serialize(map),
                _ => null,
            };
            if (text is null) continue;
            verdicts.Add(await VerifyAsync(text, expected, cancellationToken));
        }
        if (verdicts.Count == 0) reasons.Add(new(ReasonCodes.SubjectMissing, "the presentation carries no credential"));
        return new()
        {
            Holder = holder,
            ProofValid = proof.SignatureValid && !reasons.Any(r => r.Code == ReasonCodes.ChallengeMismatch),
            HolderBound = proof.KeyBound,
            VerificationMethod = proof.VerificationMethod,
            ProofType = proof.ProofType,
            Cryptosuite = proof.Cryptosuite,
            Credentials = verdicts,
            Reasons = reasons,
        };
    }
}
