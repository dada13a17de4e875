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
    // Issue 15: every IANA special-purpose range, IPv4-compatible IPv6 and embedded forms.
    [InlineData("192.0.2.10", false)]
    [InlineData("198.51.100.7", false)]
    [InlineData("203.0.113.9", false)]
    [InlineData("192.0.0.8", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("198.19.255.1", false)]
    [InlineData("240.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("192.88.99.1", false)]
    [InlineData("::127.0.0.1", false)]
    [InlineData("::8.8.8.8", false)]
    [InlineData("::", false)]
    [InlineData("64:ff9b::7f00:1", false)]
    [InlineData("64:ff9b:1::1", false)]
    [InlineData("100::1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("2001::1", false)]
    [InlineData("2002:7f00:1::", false)]
    [InlineData("3fff::1", false)]
    [InlineData("fec0::1", false)]
    [InlineData("::ffff:192.0.2.1", false)]
    [InlineData("64:ff9b::808:808", true)]
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
        Assert.Contains("may not contact", fetch.Detail, StringComparison.Ordinal);
        Assert.Equal(CredentialFetch.Uniform, fetch.Problem);
    }

    [Fact]
    public void The_hosts_own_interface_addresses_count_as_loopback()
    {
        var own = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(u => u.Address).ToList();
        Assert.NotEmpty(own);
        Assert.All(own, address => Assert.False(CredentialHttpClient.IsAllowedAddress(address, new CredentialHttpOptions { AllowPrivate = true }), address.ToString()));
    }

    [Fact]
    public async Task A_refused_address_a_closed_port_and_an_unknown_name_give_clients_the_same_sentence()
    {
        using var strict = new CredentialHttpClient(new CredentialHttpOptions { AllowHttp = true, Timeout = TimeSpan.FromSeconds(2) });
        using var loopback = new CredentialHttpClient(new CredentialHttpOptions { AllowHttp = true, AllowLoopback = true, Timeout = TimeSpan.FromSeconds(2) });

        var refused = await strict.GetAsync(new Uri(Server.Serve("/x", "{}")), CancellationToken.None);
        var closedPort = await loopback.GetAsync(new Uri("http://127.0.0.1:9/"), CancellationToken.None);
        var unknownName = await strict.GetAsync(new Uri("https://no-such-host.invalid/"), CancellationToken.None);
        var notFound = await loopback.GetAsync(new Uri(Server.Url("/missing-" + Guid.NewGuid())), CancellationToken.None);

        Assert.All(new[] { refused, closedPort, unknownName, notFound }, f => Assert.Equal("fetch-failed: the document could not be retrieved", f.Problem));
        Assert.Equal(4, new[] { refused.Detail, closedPort.Detail, unknownName.Detail, notFound.Detail }.Distinct().Count()); // the log keeps the cause
    }

    [Fact]
    public async Task Default_client_refuses_plain_http()
    {
        var url = Server.Serve("/plain", "{}");
        using var strict = new CredentialHttpClient(new CredentialHttpOptions { AllowLoopback = true });

        var fetch = await strict.GetAsync(new Uri(url), CancellationToken.None);

        Assert.False(fetch.Succeeded);
        Assert.Contains("not an https URL", fetch.Detail, StringComparison.Ordinal);
        Assert.Equal(CredentialFetch.Uniform, fetch.Problem);
    }

    [Fact]
    public async Task Response_larger_than_the_limit_is_refused()
    {
        var url = Server.Serve("/big", new string('x', 300 * 1024));

        var fetch = await Http.GetAsync(new Uri(url), CancellationToken.None);

        Assert.False(fetch.Succeeded);
        Assert.Contains("more than 256 KB", fetch.Detail, StringComparison.Ordinal);
        Assert.Equal(CredentialFetch.Uniform, fetch.Problem);
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
