using System.Buffers.Text;
using System.Text.Json;

namespace SkillsMatch.Credentials.Keys;

/// <summary>did:jwk: the identifier is base64url(JWK) and its one verification method is <c>#0</c> (did:jwk spec §2, §3.1).</summary>
public sealed class DidJwkResolver : IKeyResolver
{
    public bool CanResolve(string identifier) => identifier.StartsWith("did:jwk:", StringComparison.Ordinal);

    public Task<KeyResolution> ResolveAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var did = identifier.Split('#')[0];
        try
        {
            var encoded = did["did:jwk:".Length..];
            if (encoded.Length > 4096) throw new CredentialFormatException("the did:jwk is too long");
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(encoded), Formats.Json.Options);
            var jwk = PublicJwk.Parse(json.RootElement);
            return Task.FromResult(new KeyResolution(did, [new VerificationKey($"{did}#0", did, jwk, KeyPurpose.Assertion | KeyPurpose.Authentication)]));
        }
        catch (Exception e) when (e is CredentialFormatException or FormatException or JsonException)
        {
            return Task.FromResult(KeyResolution.Failed(did, e is CredentialFormatException ? $"{did} is not a usable did:jwk: {e.Message}" : $"{did} is not a usable did:jwk: its key is not base64url JSON"));
        }
    }
}
