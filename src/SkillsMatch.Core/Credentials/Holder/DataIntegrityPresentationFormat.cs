using System.Text.Json;
using System.Text.Json.Nodes;

namespace SkillsMatch.Credentials.Holder;

/// <summary>
/// A Verifiable Presentation secured with a Data Integrity proof (VC-DI 1.0 §4.4): purpose <c>authentication</c>, signed by
/// a key of the holder DID over a challenge and our domain. The proof names the challenge it was made for; whether that
/// challenge is live and this learner's is <see cref="DidBinding"/>'s business, as for every format.
/// </summary>
public sealed class DataIntegrityPresentationFormat(CredentialVerifier verifier, HolderOptions options) : IPresentationVerifier
{
    public string Format => "data-integrity";

    public bool CanRead(string presentation) => presentation.AsSpan().TrimStart().StartsWith("{");

    public async Task<PresentationCheck> VerifyAsync(string presentation, CancellationToken ct)
    {
        if (ProofChallenge(presentation) is not { } challenge)
            return PresentationCheck.Failed("the presentation's proof names no challenge (purpose authentication)");
        var verdict = await verifier.VerifyDataIntegrityPresentationAsync(presentation, challenge, options.Domain, cancellationToken: ct);
        if (!verdict.ProofValid || !verdict.HolderBound || verdict.Holder is not { } holder)
            return PresentationCheck.Failed(verdict.Reasons.FirstOrDefault(r => r.Code != ReasonCodes.SubjectMissing)?.Message
                                            ?? "the presentation's proof is not the holder's");
        if (!holder.StartsWith("did:", StringComparison.Ordinal)) return PresentationCheck.Failed("the presentation's holder is not a DID");
        // The verifier refused any other domain (domain-mismatch), so the proof was made for ours.
        return new PresentationCheck(holder, challenge, [options.Domain], null);
    }

    private static string? ProofChallenge(string presentation)
    {
        try
        {
            var proofs = JsonNode.Parse(presentation)?["proof"] switch
            {
                JsonArray many => many.OfType<JsonObject>(),
                JsonObject one => [one],
                _ => [],
            };
            return proofs.Where(p => p["proofPurpose"] is JsonValue purpose && purpose.TryGetValue(out string? s) && s == "authentication")
                .Select(p => p["challenge"] is JsonValue c && c.TryGetValue(out string? text) ? text : null)
                .FirstOrDefault(c => c is not null);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
