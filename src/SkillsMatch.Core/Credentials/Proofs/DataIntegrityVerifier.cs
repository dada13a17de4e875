using System.Globalization;
using SkillsMatch.Credentials.Keys;
using SkillsMatch.Credentials.LinkedData;

namespace SkillsMatch.Credentials.Proofs;

/// <summary>
/// Verifies the embedded proofs of a credential or presentation (VC Data Integrity 1.0 §4.4 "Verify Proof",
/// §2.1.2 proof sets and chains): each proof's cryptosuite, purpose, dates, challenge and domain, the key its
/// <c>verificationMethod</c> resolves to through did:key / did:jwk / did:web / a controller document, and whether
/// that key's controller is the party that must have signed (the issuer, as for VC-JWT). All proofs must verify.
/// </summary>
internal sealed class DataIntegrityVerifier(JsonLdProcessor processor, IssuerKeyBinding keys, TimeProvider time, TimeSpan clockSkew, int maxCanonicalizationWork = RdfCanonicalizer.DefaultMaxWork)
{
    private readonly RdfCanonicalizer _canonicalizer = new(maxWork: maxCanonicalizationWork);

    public async Task<ProofOutcome> VerifyAsync(Dictionary<string, object?> document, string expectedPurpose, string? controller,
        string? challenge = null, string? domain = null, CancellationToken cancellationToken = default)
    {
        var reasons = new List<CredentialReason>();
        if (!document.TryGetValue("proof", out var proofValue) || proofValue is null)
            return new(false, false, null, null, null, [new(ReasonCodes.SignatureInvalid, "the document carries no proof")]);
        var proofs = Keywords.AsList(proofValue).OfType<Dictionary<string, object?>>().ToList();
        if (proofs.Count == 0 || proofs.Count != Keywords.AsList(proofValue).Count)
            return new(false, false, null, null, null, [new(ReasonCodes.Malformed, "proof must be an object or an array of objects")]);
        var unsecured = new Dictionary<string, object?>(document, StringComparer.Ordinal);
        unsecured.Remove("proof");

        bool allValid = true, allBound = true;
        string? method = null;
        var types = new List<string>();
        var suites = new List<string>();
        foreach (var proof in proofs)
        {
            var one = await VerifyOneAsync(document, unsecured, proofs, proof, expectedPurpose, controller, challenge, domain, cancellationToken);
            allValid &= one.SignatureValid;
            allBound &= one.KeyBound;
            method ??= one.VerificationMethod;
            if (one.ProofType is { } t && !types.Contains(t)) types.Add(t);
            if (one.Cryptosuite is { } c && !suites.Contains(c)) suites.Add(c);
            reasons.AddRange(one.Reasons);
        }
        return new(allValid, allBound, method, string.Join(", ", types), suites.Count == 0 ? null : string.Join(", ", suites), reasons);
    }

    private async Task<ProofOutcome> VerifyOneAsync(Dictionary<string, object?> document, Dictionary<string, object?> unsecured, List<Dictionary<string, object?>> all,
        Dictionary<string, object?> proof, string expectedPurpose, string? controller, string? challenge, string? domain, CancellationToken cancellationToken)
    {
        var type = proof.GetValueOrDefault("type") as string;
        var suiteName = proof.GetValueOrDefault("cryptosuite") as string;
        var suite = Cryptosuite.Find(type, suiteName);
        var method = proof.GetValueOrDefault("verificationMethod") switch
        {
            string s => s,
            Dictionary<string, object?> m => m.GetValueOrDefault("id") as string,
            _ => null,
        };
        ProofOutcome Fail(string code, string message) => new(false, false, method, type, suiteName, [new(code, message)]);
        if (suite is null)
            return Fail(ReasonCodes.ProofNotSupported, $"proof type '{type}' with cryptosuite '{suiteName}' is not supported (eddsa-rdfc-2022, eddsa-jcs-2022, ecdsa-rdfc-2019, Ed25519Signature2020 are)");
        if (proof.GetValueOrDefault("proofValue") is not string proofValue || proofValue.Length < 2 || proofValue[0] != 'z')
            return Fail(ReasonCodes.Malformed, "proofValue must be a base58btc multibase string");
        if (method is null) return Fail(ReasonCodes.Malformed, "the proof names no verificationMethod");

        var reasons = new List<CredentialReason>();
        // VC-DI 1.0 §4.4 step 4 and VC 2.0 §5.x: assertionMethod for credentials, authentication for presentations.
        if (proof.GetValueOrDefault("proofPurpose") as string != expectedPurpose)
            reasons.Add(new(ReasonCodes.ProofPurposeMismatch, $"proofPurpose is '{proof.GetValueOrDefault("proofPurpose")}', not '{expectedPurpose}'"));
        CheckDates(proof, reasons);
        if (challenge is not null && proof.GetValueOrDefault("challenge") as string != challenge)
            reasons.Add(new(ReasonCodes.ChallengeMismatch, "the proof's challenge is not the one this verifier issued"));
        if (domain is not null && !Keywords.AsList(proof.GetValueOrDefault("domain")).Contains(domain))
            reasons.Add(new(ReasonCodes.DomainMismatch, $"the proof's domain is not {domain}"));

        // Proof chains (VC-DI 1.0 §2.1.2): a proof naming previousProof signs the document secured by those proofs.
        var secured = unsecured;
        if (proof.GetValueOrDefault("previousProof") is { } previous)
        {
            var ids = Keywords.AsList(previous).OfType<string>().ToList();
            var referenced = all.Where(p => p.GetValueOrDefault("id") is string id && ids.Contains(id)).Cast<object?>().ToList();
            if (referenced.Count != ids.Count) return Fail(ReasonCodes.Malformed, "previousProof names a proof that is not in the document");
            secured = new Dictionary<string, object?>(unsecured, StringComparer.Ordinal) { ["proof"] = referenced.Count == 1 ? referenced[0] : referenced };
        }

        var config = new Dictionary<string, object?>(proof, StringComparer.Ordinal);
        config.Remove("proofValue");
        if (document.TryGetValue("@context", out var context)) config["@context"] = context;
        (string ProofConfig, string Document) canonical;
        byte[] signature;
        try
        {
            canonical = suite.Transform(processor, secured, config, _canonicalizer);
            signature = Multikey.DecodeBase58(proofValue[1..]);
        }
        catch (LinkedDataException e)
        {
            return Fail(e.Code is ContextStore.NotAllowed or RdfCanonicalizer.TooComplex or ReasonCodes.UndefinedTerm ? e.Code : ReasonCodes.MalformedJsonLd, e.Message);
        }
        catch (CredentialFormatException e)
        {
            return Fail(ReasonCodes.Malformed, $"proofValue: {e.Message}");
        }

        var resolution = await keys.ResolveAsync(method, cancellationToken);
        var key = resolution.Keys.FirstOrDefault(k => k.Id == method || IssuerKeyBinding.KidMatches(method, k));
        if (key is null)
        {
            reasons.Add(new(ReasonCodes.KeyUnresolved, resolution.Error ?? $"{method} is not an assertion or authentication key of {resolution.Controller}"));
            return new(false, false, method, type, suiteName, reasons);
        }
        // VC-DI 1.0 §4.4 and Controlled Identifiers §3.3: the method must be listed under the relationship the proof
        // claims, so an authentication-only key cannot issue credentials, nor an assertion-only key speak for a holder.
        var listedForPurpose = key.IsFor(expectedPurpose == "authentication" ? KeyPurpose.Authentication : KeyPurpose.Assertion);
        // Purpose, dates, challenge and domain failures make the proof invalid even when the bytes verify.
        var verifies = suite.Verify(key.Jwk, Cryptosuite.HashData(canonical, suite.HashFor(key.Jwk)), signature);
        var valid = verifies && reasons.Count == 0;
        if (!listedForPurpose)
            reasons.Add(new(ReasonCodes.KeyNotBound, $"{method} is not listed under {key.Controller}'s {expectedPurpose} relationship"));
        if (!verifies) reasons.Add(new(ReasonCodes.SignatureInvalid, $"the {suite.Name ?? suite.ProofType} signature does not verify with {method}"));
        var bound = controller is not null && key.Controller == controller && listedForPurpose;
        if (listedForPurpose && !bound)
            reasons.Add(new(ReasonCodes.KeyNotBound, controller is null
                ? "key not bound: the document names no issuer to bind the key to"
                : $"key not bound to issuer: {method} is controlled by {key.Controller}, not {controller}"));
        return new(valid, bound, method, type, suiteName, reasons);
    }

    private void CheckDates(Dictionary<string, object?> proof, List<CredentialReason> reasons)
    {
        var now = time.GetUtcNow();
        if (Date(proof, "created", reasons) is { } created && created > now + clockSkew)
            reasons.Add(new(ReasonCodes.ProofNotYetValid, $"the proof was created in the future ({created:O})"));
        if (Date(proof, "expires", reasons) is { } expires && expires < now - clockSkew)
            reasons.Add(new(ReasonCodes.ProofExpired, $"the proof expired at {expires:O}"));
    }

    private static DateTimeOffset? Date(Dictionary<string, object?> proof, string name, List<CredentialReason> reasons)
    {
        if (!proof.TryGetValue(name, out var value) || value is null) return null;
        if (value is string s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)) return date;
        reasons.Add(new(ReasonCodes.Malformed, $"the proof's {name} is not a date-time"));
        return null;
    }
}
