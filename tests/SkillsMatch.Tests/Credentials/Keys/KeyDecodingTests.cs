using SkillsMatch.Credentials.Keys;

namespace SkillsMatch.Tests.Credentials.Keys;

[Trait("Category", "Unit")]
public sealed class KeyDecodingTests
{
    [Fact]
    public async Task Ed25519_did_key_decodes_to_the_key_it_was_made_from()
    {
        using var key = TestKey.Ed25519();

        var resolution = await new DidKeyResolver().ResolveAsync(key.DidKey, CancellationToken.None);

        var method = Assert.Single(resolution.Keys);
        Assert.Equal(key.DidKeyMethod, method.Id);
        Assert.Equal(key.PublicJwk()["x"]!.GetValue<string>(), TestKey.B64(method.Jwk.X!));
    }

    [Fact]
    public async Task P256_did_key_decompresses_the_point()
    {
        using var key = TestKey.P256();

        var resolution = await new DidKeyResolver().ResolveAsync(key.DidKey, CancellationToken.None);

        var jwk = Assert.Single(resolution.Keys).Jwk;
        Assert.StartsWith("did:key:zDn", key.DidKey, StringComparison.Ordinal);
        Assert.Equal(key.PublicJwk()["y"]!.GetValue<string>(), TestKey.B64(jwk.Y!));
    }

    [Theory]
    [InlineData("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")]
    [InlineData("did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169")]
    public async Task Did_key_specification_examples_decode(string did)
    {
        var resolution = await new DidKeyResolver().ResolveAsync(did, CancellationToken.None);

        Assert.Null(resolution.Error);
        Assert.Single(resolution.Keys);
    }

    [Theory]
    [InlineData("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2do0")]
    [InlineData("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme")]
    [InlineData("did:key:mAXYZ")]
    public async Task Unusable_did_key_is_an_error_not_a_key(string did)
    {
        var resolution = await new DidKeyResolver().ResolveAsync(did, CancellationToken.None);

        Assert.NotNull(resolution.Error);
        Assert.Empty(resolution.Keys);
    }

    [Theory]
    [InlineData("did:web:example.com", "https://example.com/.well-known/did.json")]
    [InlineData("did:web:example.com%3A8443", "https://example.com:8443/.well-known/did.json")]
    [InlineData("did:web:example.com:issuers:poly", "https://example.com/issuers/poly/did.json")]
    public void Did_web_maps_to_its_document_url(string did, string url)
    {
        Assert.Equal(new Uri(url), DidWebResolver.DocumentUrl(did));
    }

    [Theory]
    [InlineData("did:web:a.example#key-1", "did:web:a.example#key-1", true)]
    [InlineData("#key-1", "did:web:a.example#key-1", true)]
    [InlineData("key-1", "did:web:a.example#key-1", true)]
    [InlineData("did:web:b.example#key-1", "did:web:a.example#key-1", false)]
    [InlineData("#key-2", "did:web:a.example#key-1", false)]
    public void Kid_matches_only_the_issuers_own_method(string kid, string methodId, bool matches)
    {
        var key = new VerificationKey(methodId, "did:web:a.example", PublicJwk.Ed25519(new byte[32]));

        Assert.Equal(matches, IssuerKeyBinding.KidMatches(kid, key));
    }
}
