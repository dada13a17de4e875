using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Access;

namespace SkillsMatch.Tests.Support;

/// <summary>
/// The real API host, pointed at a given database. <c>CreateClient()</c> is anonymous (public endpoints);
/// <see cref="CreateClientAsync"/> sends a fresh key of the given role. <paramref name="settings"/> override
/// configuration (e.g. low rate limits).
/// </summary>
public sealed class ApiFactory(string connectionString, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:SkillsMatch", connectionString);
        // Tests import the taxonomies they need under keys of their own.
        builder.UseSetting("Taxonomy:SeedOnStart", "false");
        builder.UseSetting("Access:BootstrapKeys", "false");
        // Tests load the demo data they need themselves (Demo/DemoLoaderTests), never the whole demo.
        builder.UseSetting("Demo:LoadOnStart", "false");
        // Every client of a test host shares one address; rate limits are tested with their own settings.
        builder.UseSetting("Access:AnonymousPermits", "1000000");
        builder.UseSetting("Access:KeyPermits", "1000000");
        builder.UseSetting("Access:FailedKeyPermits", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }

    /// <summary>A client sending a new key of <paramref name="role"/> (a learner key needs <paramref name="learnerId"/>).</summary>
    public async Task<HttpClient> CreateClientAsync(Role role, Guid? learnerId = null, string? subject = null) =>
        ClientWith((await CreateKeyAsync(role, learnerId, subject)).Secret);

    public Task<CreatedApiKey> CreateKeyAsync(Role role, Guid? learnerId = null, string? subject = null) =>
        Services.GetRequiredService<ApiKeyStore>().CreateAsync(new NewApiKey(role, learnerId,
            subject ?? role switch
            {
                Role.Issuer => "https://issuer.test/" + Guid.NewGuid().ToString("N")[..8],
                Role.Practitioner or Role.Employer => "test-" + role.Name() + "-" + Guid.NewGuid().ToString("N")[..8],
                _ => null,
            }, "test"));

    public HttpClient ClientWith(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
