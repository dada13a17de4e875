using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SkillsMatch.Tests.Support;

/// <summary>The real API host, pointed at a given database.</summary>
public sealed class ApiFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:SkillsMatch", connectionString);
        // Tests import the taxonomies they need under keys of their own.
        builder.UseSetting("Taxonomy:SeedOnStart", "false");
    }
}
