using System.Text;
using System.Text.Json;
using SkillsMatch.Credentials.Formats;

namespace SkillsMatch.Credentials.Holder;

/// <summary>
/// A VC-JWT presentation (VCDM 1.1 §6.3.1, "JWT and JWS considerations"): a compact JWS whose <c>iss</c> is the holder
/// DID, <c>aud</c> the verifier's domain, <c>nonce</c> the verifier's challenge, and <c>vp</c> the presentation (its
/// <c>holder</c>, when given, must be <c>iss</c>). The signing key must be one the holder's DID document lists, found the
/// same way as an issuer's key (OB 3.0 §8.2 header rules included).
/// </summary>
public sealed class VcJwtPresentationVerifier(CredentialVerifier verifier, TimeProvider time) : IPresentationVerifier
{
    public string Format => "vc-jwt";

    public bool CanRead(string presentation) => CompactJws.LooksLikeJws(presentation?.Trim() ?? "");

    public async Task<PresentationCheck> VerifyAsync(string presentation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        CompactJws jws;
        JsonElement payload;
        try
        {
            jws = CompactJws.Parse(presentation.Trim());
            payload = JsonDocument.Parse(jws.Payload).RootElement;
        }
        catch (Exception e) when (e is CredentialFormatException or JsonException or DecoderFallbackException)
        {
            return PresentationCheck.Failed("the presentation is not a well-formed JWT");
        }
        if (payload.ValueKind != JsonValueKind.Object || Json.Property(payload, "vp") is not { ValueKind: JsonValueKind.Object } vp)
            return PresentationCheck.Failed("the JWT carries no vp claim");
        if (!Json.Strings(vp, "type").Contains("VerifiablePresentation"))
            return PresentationCheck.Failed("the vp claim is not of type VerifiablePresentation");
        var holder = Json.Text(payload, "iss");
        if (holder is null || !holder.StartsWith("did:", StringComparison.Ordinal))
            return PresentationCheck.Failed("the presentation's iss is not a DID");
        if (Json.Text(vp, "holder") is { } named && named != holder)
            return PresentationCheck.Failed("vp.holder and iss name different holders");
        if (Json.Property(payload, "exp") is { ValueKind: JsonValueKind.Number } exp && exp.TryGetInt64(out var seconds)
            && DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799)) < time.GetUtcNow())
            return PresentationCheck.Failed("the presentation has expired");

        var signature = await verifier.VerifyHolderSignatureAsync(jws, holder, ct);
        if (signature is not null) return PresentationCheck.Failed(signature);
        var domains = Json.Property(payload, "aud") is { ValueKind: JsonValueKind.Array } _ ? Json.Strings(payload, "aud").ToList() : Json.Text(payload, "aud") is { } aud ? [aud] : [];
        return new PresentationCheck(holder, Json.Text(payload, "nonce"), domains, null);
    }
}
