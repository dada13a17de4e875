using System.Collections.Concurrent;
using System.Text.Json;
using SkillsMatch.Credentials.Formats;

namespace SkillsMatch.Credentials.Keys;

/// <summary>
/// Checks a JWS against its issuer: the JOSE header rules of OB 3.0 §8.2 "JSON Web Token Proof Format"
/// (allowed alg, no private key in <c>jwk</c>, no unknown <c>crit</c>), then finds the key among those the
/// issuer's own DID document / JWKS lists and verifies the signature. A key that is merely embedded in the
/// credential, or that belongs to someone else, can still verify the bytes but is reported as not bound.
/// Resolved issuer keys are cached for a while so repeated verifications do not refetch.
/// </summary>
internal sealed class IssuerKeyBinding(IReadOnlyList<IKeyResolver> resolvers, TimeProvider time, TimeSpan cacheFor)
{
    private const int MaxCachedIssuers = 10_000;
    private readonly ConcurrentDictionary<string, (KeyResolution Keys, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>Header checks that fail the credential before any key is looked at.</summary>
    public static List<CredentialReason> HeaderProblems(CompactJws jws, IReadOnlyCollection<string>? allowedAlgs = null)
    {
        var reasons = new List<CredentialReason>();
        var alg = jws.Alg;
        if (!JwsAlgorithm.IsAllowed(alg) || (allowedAlgs is not null && !allowedAlgs.Contains(alg!)))
            reasons.Add(new(ReasonCodes.AlgorithmNotAllowed, $"JOSE alg '{alg ?? "(missing)"}' is not allowed; only {string.Join(", ", allowedAlgs ?? [JwsAlgorithm.RS256, JwsAlgorithm.ES256, JwsAlgorithm.EdDSA])} are accepted"));
        if (jws.Jwk is { } jwk && PublicJwk.HasPrivateMembers(jwk))
            reasons.Add(new(ReasonCodes.PrivateKeyInHeader, "the JOSE header jwk contains private key material"));
        // RFC 7515 §4.1.11: a recipient must reject a JWS whose crit lists extensions it does not understand; we understand none.
        if (Json.Property(jws.Header, "crit") is not null)
            reasons.Add(new(ReasonCodes.CriticalHeader, "the JOSE header declares critical extensions (crit) this verifier does not understand"));
        return reasons;
    }

    /// <summary>
    /// Verifies <paramref name="jws"/> with a key <paramref name="issuerId"/> lists for <paramref name="purpose"/>: assertion for
    /// credentials, authentication for a holder's presentation.
    /// </summary>
    public async Task<SignatureOutcome> VerifyAsync(CompactJws jws, string? issuerId, CancellationToken cancellationToken, KeyPurpose purpose = KeyPurpose.Assertion)
    {
        var reasons = HeaderProblems(jws);
        if (reasons.Count > 0) return new(false, false, null, reasons);
        var alg = jws.Alg!;
        if (string.IsNullOrEmpty(issuerId))
            return new(false, false, null, [new(ReasonCodes.KeyNotBound, "key not bound to issuer: the credential names no issuer to bind a key to")]);

        PublicJwk? headerJwk = null;
        if (jws.Jwk is { } jwkElement)
        {
            try
            {
                headerJwk = PublicJwk.Parse(jwkElement);
            }
            catch (CredentialFormatException e)
            {
                return new(false, false, null, [new(ReasonCodes.MalformedJwt, $"the JOSE header jwk is unusable: {e.Message}")]);
            }
        }

        var kid = jws.Kid;
        var issuerKeys = await ResolveAsync(issuerId, cancellationToken);
        var candidates = Candidates(issuerKeys.Keys, kid, headerJwk, alg, purpose);
        // An https issuer may publish its keys at a URL of its own origin named by kid (OB 3.0 §8.2: kid dereferences to a JWK).
        if (candidates.Count == 0 && kid is not null && SameHttpsOrigin(kid, issuerId))
        {
            var kidKeys = await ResolveAsync(kid, cancellationToken);
            candidates = Candidates(kidKeys.Keys, kid, headerJwk, alg, purpose, matchAnyInDocument: true);
            if (issuerKeys.Error is not null && kidKeys.Error is null) issuerKeys = kidKeys;
        }

        if (candidates.Count > 0)
        {
            foreach (var key in candidates)
                if (JwsAlgorithm.Verify(alg, key.Jwk, jws.SigningInput, jws.Signature))
                    return new(true, true, key.Id, []);
            return new(false, true, candidates[0].Id, [new(ReasonCodes.SignatureInvalid, $"the signature does not verify with {issuerId}'s key {candidates[0].Id}")]);
        }

        // No issuer key fits. Still say whether the bytes verify with the key the credential points at,
        // so "tampered" and "signed by a stranger" stay distinguishable.
        if (issuerKeys.Error is not null)
            reasons.Add(new(ReasonCodes.KeyUnresolved, $"the issuer's keys could not be resolved: {issuerKeys.Error}"));
        var claimed = headerJwk ?? await ClaimedKeyAsync(kid, alg, cancellationToken);
        bool signatureValid = claimed is not null && JwsAlgorithm.Verify(alg, claimed, jws.SigningInput, jws.Signature);
        var described = kid is not null ? $"kid {kid}" : headerJwk is not null ? "the header jwk" : "no kid or jwk";
        reasons.Add(new(ReasonCodes.KeyNotBound, $"key not bound to issuer: the signing key ({described}) is not an {(purpose == KeyPurpose.Authentication ? "authentication" : "assertion")} key listed by {issuerId}"));
        if (claimed is not null && !signatureValid)
            reasons.Add(new(ReasonCodes.SignatureInvalid, "the signature does not verify with the key the credential names"));
        return new(signatureValid, false, kid, reasons);
    }

    public async Task<KeyResolution> ResolveAsync(string identifier, CancellationToken cancellationToken)
    {
        var key = identifier.Split('#')[0];
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now) return cached.Keys;
        var resolver = resolvers.FirstOrDefault(r => r.CanResolve(key));
        if (resolver is null) return KeyResolution.Failed(key, $"no key resolver handles {key}");
        var resolution = await resolver.ResolveAsync(key, cancellationToken);
        // Only successes are cached: an unreachable issuer is retried next time. Every credential can name a new
        // did:key, so the cache is bounded crudely rather than allowed to grow with hostile input.
        if (resolution.Error is null)
        {
            if (_cache.Count >= MaxCachedIssuers) _cache.Clear();
            _cache[key] = (resolution, now + cacheFor);
        }
        return resolution;
    }

    private async Task<PublicJwk?> ClaimedKeyAsync(string? kid, string alg, CancellationToken cancellationToken)
    {
        if (kid is null || !(kid.StartsWith("did:", StringComparison.Ordinal) || kid.StartsWith("http", StringComparison.OrdinalIgnoreCase))) return null;
        var resolution = await ResolveAsync(kid, cancellationToken);
        return Candidates(resolution.Keys, kid, null, alg, KeyPurpose.None, matchAnyInDocument: true).FirstOrDefault()?.Jwk;
    }

    private static List<VerificationKey> Candidates(IReadOnlyList<VerificationKey> keys, string? kid, PublicJwk? headerJwk, string alg, KeyPurpose purpose,
        bool matchAnyInDocument = false)
    {
        var headerThumbprint = headerJwk?.Thumbprint();
        return [.. keys.Where(k =>
            JwsAlgorithm.Fits(alg, k.Jwk) && k.IsFor(purpose)
            && (kid is null || KidMatches(kid, k) || (matchAnyInDocument && keys.Count == 1))
            && (headerThumbprint is null || k.Jwk.Thumbprint() == headerThumbprint))];
    }

    /// <summary>kid may be the full method id, a fragment relative to the controller, or a bare JWKS kid.</summary>
    internal static bool KidMatches(string kid, VerificationKey key)
    {
        if (kid == key.Id) return true;
        if (kid.StartsWith('#')) return key.Id == key.Controller + kid;
        var hash = kid.IndexOf('#', StringComparison.Ordinal);
        if (hash > 0) return kid[..hash] == key.Controller && (kid[hash..] == key.Id[Math.Max(0, key.Id.IndexOf('#', StringComparison.Ordinal))..] || kid[(hash + 1)..] == key.Id);
        return !kid.Contains(':', StringComparison.Ordinal) && key.Id.EndsWith("#" + kid, StringComparison.Ordinal);
    }

    private static bool SameHttpsOrigin(string kid, string issuerId) =>
        Uri.TryCreate(kid, UriKind.Absolute, out var k) && Uri.TryCreate(issuerId, UriKind.Absolute, out var i)
        && k.Scheme is "https" or "http" && k.Scheme == i.Scheme
        && string.Equals(k.GetLeftPart(UriPartial.Authority), i.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}
