using System.Text;
using SkillsMatch.Credentials;

namespace SkillsMatch.Tests.Credentials;

public sealed class BakedAndMalformedInputTests : CredentialTestHost
{
    [Fact]
    public async Task Credential_baked_into_a_png_verifies()
    {
        using var key = TestKey.Ed25519();
        var jwt = key.Sign(Ob3.Payload(Ob3.Credential(key.DidKey)), kid: key.DidKeyMethod);

        var verdict = await Verifier.VerifyAsync(BadgeImages.Png("openbadgecredential", jwt));

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons));
        Assert.Equal(CredentialContainer.Png, verdict.Container);
    }

    [Fact]
    public async Task Credential_baked_into_an_svg_verifies()
    {
        using var key = TestKey.P256();
        var jwt = key.Sign(Ob3.Payload(Ob3.Credential(key.DidKey)), kid: key.DidKeyMethod);

        var verdict = await VerifyAsync(BadgeImages.Svg(jwt));

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons));
        Assert.Equal(CredentialContainer.Svg, verdict.Container);
    }

    [Fact]
    public async Task Png_with_a_corrupted_chunk_is_rejected_as_malformed()
    {
        var png = BadgeImages.Png("openbadgecredential", "{\"a\":1}");
        png[40] ^= 0xFF;

        var verdict = await Verifier.VerifyAsync(png);

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.MalformedPng), string.Join("; ", verdict.Reasons));
    }

    [Fact]
    public async Task Truncated_png_is_rejected_as_malformed()
    {
        var png = BadgeImages.Png("openbadgecredential", "{\"a\":1}");

        // Cut inside the iTXt chunk (signature 8 + IHDR 25 bytes precede it).
        var verdict = await Verifier.VerifyAsync(png.AsMemory(0, 50));

        Assert.True(verdict.HasReason(ReasonCodes.MalformedPng));
    }

    [Fact]
    public async Task Png_without_a_baked_credential_is_rejected()
    {
        var verdict = await Verifier.VerifyAsync(BadgeImages.Png("Comment", "just a picture"));

        Assert.True(verdict.HasReason(ReasonCodes.UnsupportedFormat));
    }

    [Fact]
    public async Task Svg_with_a_dtd_is_refused_so_no_entity_is_expanded()
    {
        var svg = """
            <?xml version="1.0"?>
            <!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>&xxe;</openbadges:credential></svg>
            """;

        var verdict = await VerifyAsync(svg);

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.MalformedSvg));
        Assert.DoesNotContain(verdict.Reasons, r => r.Message.Contains("root:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_svg_is_rejected()
    {
        var verdict = await VerifyAsync("<svg xmlns=\"http://www.w3.org/2000/svg\"><openbadges:credential>");

        Assert.True(verdict.HasReason(ReasonCodes.MalformedSvg));
    }

    [Fact]
    public async Task Malformed_json_is_rejected()
    {
        var verdict = await VerifyAsync("{\"@context\": [\"https://www.w3.org/ns/credentials/v2\", ");

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.MalformedJson));
    }

    [Fact]
    public async Task Malformed_jwt_is_rejected()
    {
        var verdict = await VerifyAsync("eyJhbGciOiJFZERTQSJ9.bm90IGpzb24.c2ln");

        Assert.True(verdict.HasReason(ReasonCodes.MalformedJson) || verdict.HasReason(ReasonCodes.MalformedJwt), string.Join("; ", verdict.Reasons));
    }

    [Fact]
    public async Task Oversized_input_is_rejected_before_parsing()
    {
        var huge = "{\"pad\":\"" + new string('x', 1024 * 1024) + "\"}";

        var verdict = await Verifier.VerifyAsync(Encoding.UTF8.GetBytes(huge));

        Assert.Equal(CredentialFormat.Unknown, verdict.Format);
        Assert.True(verdict.HasReason(ReasonCodes.InputTooLarge));
    }

    [Fact]
    public async Task Text_that_is_no_credential_is_rejected()
    {
        var verdict = await VerifyAsync("hello, I am a badge");

        Assert.True(verdict.HasReason(ReasonCodes.UnsupportedFormat));
    }
    [Fact]
    public async Task Json_with_duplicate_members_is_rejected()
    {
        using var key = TestKey.Ed25519();
        var payload = Ob3.Payload(Ob3.Credential(key.DidKey)).ToJsonString();
        var duplicated = payload.Insert(1, "\"iss\":\"did:example:shadow\",");

        var jwt = key.Sign(System.Text.Json.Nodes.JsonNode.Parse(payload)!, kid: key.DidKeyMethod);
        var parts = jwt.Split('.');
        var signingInput = $"{parts[0]}.{TestKey.B64(Encoding.UTF8.GetBytes(duplicated))}";
        var forged = $"{signingInput}.{TestKey.B64(key.SignBytes(Encoding.ASCII.GetBytes(signingInput)))}";

        var verdict = await VerifyAsync(forged);

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.MalformedJson), string.Join("; ", verdict.Reasons));
    }
}
