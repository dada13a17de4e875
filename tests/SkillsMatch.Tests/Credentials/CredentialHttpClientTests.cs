using System.Net;
using SkillsMatch.Credentials;

namespace SkillsMatch.Tests.Credentials;

public sealed class CredentialHttpClientTests : CredentialTestHost
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("93.184.215.14", true)]
    [InlineData("2606:4700::6810:85e5", true)]
    public void Only_public_addresses_are_allowed_by_default(string address, bool allowed)
    {
        Assert.Equal(allowed, CredentialHttpClient.IsAllowedAddress(IPAddress.Parse(address), new CredentialHttpOptions()));
    }

    [Fact]
    public void Loopback_and_private_are_allowed_only_when_configured_and_link_local_never()
    {
        var options = new CredentialHttpOptions { AllowLoopback = true, AllowPrivate = true };

        Assert.True(CredentialHttpClient.IsAllowedAddress(IPAddress.Loopback, options));
        Assert.True(CredentialHttpClient.IsAllowedAddress(IPAddress.Parse("10.0.0.8"), options));
        Assert.True(CredentialHttpClient.IsAllowedAddress(IPAddress.Parse("fd12::8"), options));
        Assert.False(CredentialHttpClient.IsAllowedAddress(IPAddress.Parse("169.254.169.254"), options));
    }

    [Fact]
    public async Task Default_client_refuses_to_connect_to_loopback()
    {
        var url = Server.Serve("/secret", "{\"admin\": true}");
        using var strict = new CredentialHttpClient(new CredentialHttpOptions { AllowHttp = true });

        var fetch = await strict.GetAsync(new Uri(url), CancellationToken.None);

        Assert.False(fetch.Succeeded);
        Assert.Empty(fetch.Body);
        Assert.Contains("may not contact", fetch.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_client_refuses_plain_http()
    {
        var url = Server.Serve("/plain", "{}");
        using var strict = new CredentialHttpClient(new CredentialHttpOptions { AllowLoopback = true });

        var fetch = await strict.GetAsync(new Uri(url), CancellationToken.None);

        Assert.False(fetch.Succeeded);
        Assert.Contains("not an https URL", fetch.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_larger_than_the_limit_is_refused()
    {
        var url = Server.Serve("/big", new string('x', 300 * 1024));

        var fetch = await Http.GetAsync(new Uri(url), CancellationToken.None);

        Assert.False(fetch.Succeeded);
        Assert.Contains("more than 256 KB", fetch.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Did_web_issuer_on_a_loopback_address_is_unresolved_for_a_production_verifier()
    {
        using var key = TestKey.Ed25519();
        var did = PublishDidWeb(key);
        var jwt = key.Sign(Ob3.Payload(Ob3.Credential(did)), kid: did + "#key-0");
        using var production = new CredentialHttpClient(new CredentialHttpOptions { AllowHttp = true });

        var verdict = await new CredentialVerifier(production, time: Clock).VerifyAsync(jwt);

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.KeyUnresolved));
    }
}
