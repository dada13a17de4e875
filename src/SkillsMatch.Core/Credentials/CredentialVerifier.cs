using System.Text;
using System.Text.Json;
using SkillsMatch.Credentials.Formats;
using SkillsMatch.Credentials.Keys;
using SkillsMatch.Credentials.Proofs;
using SkillsMatch.Credentials.Status;
using SkillsMatch.Telemetry;

namespace SkillsMatch.Credentials;

/// <summary>
/// Verifies Open Badges 2.0 / 3.0 and CLR 2.0 credentials following the OB 3.0 verification steps ("Verification and Validation"):
/// decode (JSON, VC-JWT, baked PNG/SVG, hosted URL), check structure, bind the signing key to the issuer,
/// verify the signature, the validity window, the status and the recipient. Never throws for bad input:
/// every failure becomes a reason on the returned <see cref="CredentialVerdict"/>.
/// </summary>
public sealed partial class CredentialVerifier
{
    private readonly CredentialVerifierOptions _options;
    private readonly TimeProvider _time;
    private readonly IssuerKeyBinding _keys;
    private readonly CredentialStatusChecker _status;
    private readonly OpenBadges2Verifier _openBadges2;
    private readonly DataIntegrityVerifier _dataIntegrity;

    public CredentialVerifier(CredentialHttpClient http, CredentialVerifierOptions? options = null, TimeProvider? time = null, IEnumerable<IKeyResolver>? resolvers = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _options = options ?? new CredentialVerifierOptions();
        _time = time ?? TimeProvider.System;
        IReadOnlyList<IKeyResolver> keyResolvers = resolvers?.ToList() ?? [new DidKeyResolver(), new DidJwkResolver(), new DidWebResolver(http), new HttpsKeyResolver(http)];
        _keys = new IssuerKeyBinding(keyResolvers, _time, _options.KeyCacheDuration);
        _dataIntegrity = NewDataIntegrityVerifier();
        _status = new CredentialStatusChecker(http, _keys, _time, _options.ClockSkew, _dataIntegrity);
        _openBadges2 = new OpenBadges2Verifier(http, _time, _options.ClockSkew);
    }

    public Task<CredentialVerdict> VerifyAsync(string input, ExpectedRecipient? recipient = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return VerifyAsync(Encoding.UTF8.GetBytes(input), recipient, cancellationToken);
    }

    public async Task<CredentialVerdict> VerifyAsync(ReadOnlyMemory<byte> input, ExpectedRecipient? recipient = null, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var verdict = await VerifyInputAsync(input, recipient, cancellationToken);
        SkillsMatchTelemetry.Verified(started, verdict.Format.ToString(), verdict.IsVerified);
        return verdict;
    }

    private async Task<CredentialVerdict> VerifyInputAsync(ReadOnlyMemory<byte> input, ExpectedRecipient? recipient, CancellationToken cancellationToken)
    {
        if (input.Length > _options.MaxInputBytes)
            return Rejected(CredentialContainer.Text, ReasonCodes.InputTooLarge, $"the input is {input.Length / 1024} KB; credentials larger than {_options.MaxInputBytes / 1024} KB are refused");
        var container = CredentialContainer.Text;
        try
        {
            string text;
            (text, container) = Decode(input);
            if (text.StartsWith("http", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(text, UriKind.Absolute, out var url))
                return await _openBadges2.VerifyHostedAsync(url, container == CredentialContainer.Text ? CredentialContainer.Url : container, recipient, cancellationToken);
            if (CompactJws.LooksLikeJws(text)) return await VerifyJwsAsync(text, container, recipient, 0, cancellationToken);
            if (text.StartsWith('{')) return await VerifyJsonAsync(text, container, recipient, 0, cancellationToken);
            return Rejected(container, ReasonCodes.UnsupportedFormat, "the input is neither JSON, a compact JWT, a baked PNG/SVG nor a hosted assertion URL");
        }
        catch (CredentialFormatException e)
        {
            return Rejected(container, e.Code, e.Message);
        }
    }

    /// <summary>
    /// A holder's signature on a presentation: the JWS must pass the same header rules as a credential's and verify with a
    /// key <paramref name="holderDid"/>'s own DID document lists under <c>authentication</c>. Null when it does; otherwise why not.
    /// </summary>
    internal async Task<string?> VerifyHolderSignatureAsync(CompactJws jws, string holderDid, CancellationToken cancellationToken)
    {
        var outcome = await _keys.VerifyAsync(jws, holderDid, cancellationToken, KeyPurpose.Authentication);
        if (outcome.SignatureValid && outcome.KeyBound) return null;
        return outcome.Reasons.Count > 0 ? outcome.Reasons[0].Message : "the presentation is not signed by a key of its holder";
    }

    /// <summary>Verifies an OB 2.0 hosted assertion from the copy at <paramref name="assertionUrl"/>.</summary>
    public Task<CredentialVerdict> VerifyHostedAsync(Uri assertionUrl, ExpectedRecipient? recipient = null, CancellationToken cancellationToken = default) =>
        _openBadges2.VerifyHostedAsync(assertionUrl, CredentialContainer.Url, recipient, cancellationToken);

    private (string Text, CredentialContainer Container) Decode(ReadOnlyMemory<byte> input)
    {
        var span = input.Span;
        if (PngBadge.LooksLikePng(span)) return (PngBadge.Extract(span).Trim(), CredentialContainer.Png);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(span).TrimStart('\uFEFF').Trim();
        }
        catch (DecoderFallbackException)
        {
            throw new CredentialFormatException("the input is neither a PNG nor UTF-8 text") { Code = ReasonCodes.UnsupportedFormat };
        }
        if (text.StartsWith('<')) return (SvgBadge.Extract(input, _options.MaxInputBytes).Trim(), CredentialContainer.Svg);
        return (text, CredentialContainer.Text);
    }

    private async Task<CredentialVerdict> VerifyJwsAsync(string text, CredentialContainer container, ExpectedRecipient? recipient, int depth, CancellationToken cancellationToken)
    {
        var jws = CompactJws.Parse(text);
        var payload = Json.Parse(jws.Payload, "the JWT payload");
        if (payload.ValueKind != JsonValueKind.Object)
            throw new CredentialFormatException("the JWT payload is not a JSON object") { Code = ReasonCodes.MalformedJwt };
        if (OpenBadges2Verifier.IsAssertion(payload))
            return await _openBadges2.VerifySignedAsync(jws, payload, container, recipient, cancellationToken);
        return await VerifyVcJwtAsync(jws, payload, container, recipient, depth, cancellationToken);
    }

    private async Task<CredentialVerdict> VerifyJsonAsync(string text, CredentialContainer container, ExpectedRecipient? recipient, int depth, CancellationToken cancellationToken)
    {
        var root = Json.Parse(Encoding.UTF8.GetBytes(text), "the credential");
        if (OpenBadges2Verifier.IsAssertion(root))
            return await _openBadges2.VerifyAssertionJsonAsync(root, container, recipient, cancellationToken);
        var credential = VcCredentialReader.Read(root);
        if (credential.HasProof) return await VerifyDataIntegrityAsync(text, container, credential, recipient, depth, cancellationToken);
        var reasons = new List<CredentialReason>(credential.Problems) { new(ReasonCodes.SignatureInvalid, "the credential carries no proof") };
        var signature = new SignatureOutcome(false, false, null, reasons);
        return await ComposeAsync(CredentialFormat.VcJson, container, credential, signature, null, null, recipient, depth, cancellationToken);
    }

    private static CredentialVerdict Rejected(CredentialContainer container, string code, string message) => new()
    {
        Format = CredentialFormat.Unknown,
        Container = container,
        Reasons = [new CredentialReason(code, message)],
    };
}
