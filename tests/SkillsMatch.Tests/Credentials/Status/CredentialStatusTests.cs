using System.Text.Json.Nodes;
using SkillsMatch.Credentials;

namespace SkillsMatch.Tests.Credentials.Status;

public sealed class CredentialStatusTests : CredentialTestHost
{
    private async Task<CredentialVerdict> VerifyWithStatusAsync(TestKey key, JsonNode status, Action<JsonObject>? edit = null)
    {
        var credential = Ob3.Credential(key.DidKey);
        credential["credentialStatus"] = status;
        edit?.Invoke(credential);
        return await VerifyAsync(key.Sign(Ob3.Payload(credential), kid: key.DidKeyMethod));
    }

    [Theory]
    [InlineData(true, "revocation", StatusCheck.Revoked)]
    [InlineData(true, "suspension", StatusCheck.Suspended)]
    [InlineData(false, "revocation", StatusCheck.Revoked)]
    [InlineData(false, "suspension", StatusCheck.Suspended)]
    public async Task Set_status_bit_revokes_or_suspends(bool bitstring, string purpose, StatusCheck expected)
    {
        using var key = TestKey.Ed25519();
        var url = Server.Url($"/status/{purpose}-{bitstring}");
        Server.Serve(new Uri(url).AbsolutePath, StatusLists.ListCredential(url, key.DidKey, purpose, bitstring, 7, 4242).ToJsonString());

        var verdict = await VerifyWithStatusAsync(key, StatusLists.Entry(url, purpose, 4242, bitstring));

        Assert.Equal(expected, verdict.Status);
        Assert.False(verdict.IsVerified);
        Assert.True(verdict.SignatureValid);
        Assert.True(verdict.HasReason(expected == StatusCheck.Revoked ? ReasonCodes.Revoked : ReasonCodes.Suspended));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Clear_status_bit_is_valid(bool bitstring)
    {
        using var key = TestKey.Ed25519();
        var url = Server.Url($"/status/clear-{bitstring}");
        Server.Serve(new Uri(url).AbsolutePath, StatusLists.ListCredential(url, key.DidKey, "revocation", bitstring, 7, 4241, 4243).ToJsonString());

        var verdict = await VerifyWithStatusAsync(key, StatusLists.Entry(url, "revocation", 4242, bitstring));

        Assert.Equal(StatusCheck.Valid, verdict.Status);
        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons));
    }

    [Fact]
    public async Task Status_list_served_as_a_signed_jwt_is_verified_and_read()
    {
        using var key = TestKey.Ed25519();
        var url = Server.Url("/status/jwt");
        var list = StatusLists.ListCredential(url, key.DidKey, "revocation", bitstring: true, 12);
        Server.Serve("/status/jwt", key.Sign(list, kid: key.DidKeyMethod), "application/vc+jwt");

        var verdict = await VerifyWithStatusAsync(key, StatusLists.Entry(url, "revocation", 12, bitstring: true));

        Assert.Equal(StatusCheck.Revoked, verdict.Status);
    }

    [Fact]
    public async Task Status_list_jwt_signed_by_someone_else_is_unknown()
    {
        using var key = TestKey.Ed25519();
        using var stranger = TestKey.Ed25519();
        var url = Server.Url("/status/forged");
        var list = StatusLists.ListCredential(url, key.DidKey, "revocation", bitstring: true);
        Server.Serve("/status/forged", stranger.Sign(list, kid: stranger.DidKeyMethod), "application/vc+jwt");

        var verdict = await VerifyWithStatusAsync(key, StatusLists.Entry(url, "revocation", 12, bitstring: true));

        Assert.Equal(StatusCheck.Unknown, verdict.Status);
        Assert.True(verdict.HasReason(ReasonCodes.StatusUnknown));
    }

    [Fact]
    public async Task Status_list_issued_by_another_party_is_unknown()
    {
        using var key = TestKey.Ed25519();
        var url = Server.Url("/status/foreign");
        Server.Serve("/status/foreign", StatusLists.ListCredential(url, "did:example:someone-else", "revocation", true).ToJsonString());

        var verdict = await VerifyWithStatusAsync(key, StatusLists.Entry(url, "revocation", 3, bitstring: true));

        Assert.Equal(StatusCheck.Unknown, verdict.Status);
    }

    [Theory]
    [InlineData("BitstringStatusListEntry")]
    [InlineData("StatusList2021Entry")]
    [InlineData("1EdTechRevocationList")]
    public async Task Unreachable_status_is_unknown_never_valid(string type)
    {
        using var key = TestKey.Ed25519();
        var url = Server.Url("/status/missing");
        var entry = type == "1EdTechRevocationList"
            ? new JsonObject { ["id"] = url, ["type"] = type }
            : StatusLists.Entry(url, "revocation", 1, type == "BitstringStatusListEntry");

        var verdict = await VerifyWithStatusAsync(key, entry);

        Assert.Equal(StatusCheck.Unknown, verdict.Status);
        Assert.True(verdict.HasReason(ReasonCodes.StatusUnknown));
    }

    [Fact]
    public async Task Status_list_too_short_for_the_index_is_unknown()
    {
        using var key = TestKey.Ed25519();
        var url = Server.Url("/status/short");
        Server.Serve("/status/short", StatusLists.ListCredential(url, key.DidKey, "revocation", true).ToJsonString());

        var verdict = await VerifyWithStatusAsync(key, StatusLists.Entry(url, "revocation", 16 * 1024 * 8, bitstring: true));

        Assert.Equal(StatusCheck.Unknown, verdict.Status);
    }

    [Theory]
    [InlineData(true, StatusCheck.Revoked)]
    [InlineData(false, StatusCheck.Valid)]
    public async Task OneEdTech_revocation_list_revokes_listed_credentials(bool listed, StatusCheck expected)
    {
        using var key = TestKey.Ed25519();
        var url = Server.Url($"/revocations/{listed}");
        var credentialId = "urn:uuid:" + Guid.NewGuid();
        var revoked = new JsonArray(new JsonObject { ["id"] = "urn:uuid:" + Guid.NewGuid(), ["revocationReason"] = "issued in error" });
        if (listed) revoked.Add(new JsonObject { ["id"] = credentialId, ["revocationReason"] = "academic misconduct" });
        Server.Serve(new Uri(url).AbsolutePath, new JsonObject { ["id"] = url, ["issuer"] = key.DidKey, ["revokedCredentials"] = revoked }.ToJsonString());

        var verdict = await VerifyWithStatusAsync(key, new JsonObject { ["id"] = url, ["type"] = "1EdTechRevocationList" }, c => c["id"] = credentialId);

        Assert.Equal(expected, verdict.Status);
        Assert.Equal(!listed, verdict.IsVerified);
    }
}
