using SkillsMatch.Credentials.Formats;
using SkillsMatch.Credentials.Keys;
using SkillsMatch.Credentials.LinkedData;
using SkillsMatch.Credentials.Proofs;

namespace SkillsMatch.Credentials;

/// <summary>Credentials secured with an embedded Data Integrity proof (VC Data Integrity 1.0; OB 3.0 §8.3 "Linked Data Proof Format").</summary>
public sealed partial class CredentialVerifier
{
    private DataIntegrityVerifier NewDataIntegrityVerifier()
    {
        var contexts = _options.Contexts.Count == 0 ? ContextStore.Default : new ContextStore(_options.Contexts);
        return new DataIntegrityVerifier(new JsonLdProcessor(contexts), _keys, _time, _options.ClockSkew, _options.MaxCanonicalizationWork);
    }

    private async Task<CredentialVerdict> VerifyDataIntegrityAsync(string text, CredentialContainer container, VcCredential credential,
        ExpectedRecipient? recipient, int depth, CancellationToken cancellationToken)
    {
        var reasons = new List<CredentialReason>(credential.Problems);
        ProofOutcome outcome;
        try
        {
            var document = PlainJson.Parse(text) as Dictionary<string, object?>
                ?? throw new LinkedDataException("loading document failed", "the credential is not a JSON object");
            outcome = await _dataIntegrity.VerifyAsync(document, "assertionMethod", credential.IssuerId, cancellationToken: cancellationToken);
        }
        catch (LinkedDataException e)
        {
            outcome = new ProofOutcome(false, false, null, null, null, [new(ReasonCodes.MalformedJson, e.Message)]);
        }
        reasons.AddRange(outcome.Reasons);
        var signature = new SignatureOutcome(outcome.SignatureValid, outcome.KeyBound, outcome.VerificationMethod, reasons);
        var verdict = await ComposeAsync(CredentialFormat.VcJson, container, credential, signature, null, null, recipient, depth, cancellationToken);
        return verdict with { ProofType = outcome.ProofType, Cryptosuite = outcome.Cryptosuite };
    }
}
