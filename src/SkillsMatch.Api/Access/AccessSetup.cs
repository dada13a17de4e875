using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SkillsMatch.Access;

namespace SkillsMatch.Api.Access;

/// <summary>Authentication by API key, role policies, rate limits and the audit writer.</summary>
public static class AccessSetup
{
    public static void AddAccess(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccessOptions>().BindConfiguration("Access").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AccessOptions>>().Value);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<CaseloadStore>();
        services.AddSingleton<LearnerAccess>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<LearnerDataStore>();
        services.AddSingleton<DemoKeys>();
        services.AddSingleton<AuditWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        // Secure by default: an endpoint that says nothing about access needs a valid key of any role.
        // A path that matches no endpoint passes, so it answers 404 rather than pretending to exist behind a 401.
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder()
            .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
                                         || (context.Resource is HttpContext http && http.GetEndpoint() is null))
            .Build());

        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var options = http.RequestServices.GetRequiredService<AccessOptions>();
                var caller = Caller.From(http.User);
                var partition = caller is not null ? "key:" + caller.KeyId : "ip:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = caller is not null ? options.KeyPermits : options.AnonymousPermits,
                    Window = TimeSpan.FromSeconds(options.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"The request limit for this {(Caller.From(http.User) is null ? "address" : "API key")} is reached; retry in {seconds} s.",
                    },
                });
            };
        });
    }

    /// <summary>Authentication, then the rate limiter (so it can partition by key), then authorization.</summary>
    public static void UseAccess(this WebApplication app)
    {
        app.UseAuthentication();
        // A key that was presented but is wrong or revoked is refused everywhere, public endpoints included.
        app.Use(async (http, next) =>
        {
            if (http.Items.ContainsKey(ApiKeyAuthenticationHandler.FailureItem)) await http.ChallengeAsync();
            else await next(http);
        });
        app.UseRateLimiter();
        app.UseAuthorization();
    }

    /// <summary>
    /// Access:BootstrapKeys (on for the run command): create the first admin key and demo keys that are missing,
    /// print them once, and append them to demo-keys.txt in the embedded cluster's folder when there is one.
    /// </summary>
    public static async Task BootstrapKeysAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<AccessOptions>().BootstrapKeys) return;
        var created = await app.Services.GetRequiredService<DemoKeys>().EnsureAsync(app.Lifetime.ApplicationStopping);
        if (created.Count == 0) return;

        var lines = created.Select(k =>
            $"{k.Key.Role.Name(),-12} {k.Secret}  {k.Key.Label}{(k.Key.Subject is { } s ? " (" + s + ")" : "")}{(k.Key.LearnerId is { } l ? " learner " + l : "")}").ToList();
        var file = DemoKeysFile(app);
        Console.WriteLine();
        Console.WriteLine("API keys created now (shown once; the database keeps only their hashes):");
        foreach (var line in lines) Console.WriteLine("  " + line);
        if (file is not null)
        {
            await File.AppendAllLinesAsync(file, [$"# created {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z", .. lines]);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Console.WriteLine($"  (also in {file})");
        }
        Console.WriteLine();
    }

    /// <summary>.pg/&lt;cluster&gt;/demo-keys.txt when the API runs on the embedded cluster; null for a configured server.</summary>
    private static string? DemoKeysFile(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SkillsMatch.Storage.DatabaseOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return null;
        var script = RepositoryFiles.Find("scripts", "postgres.sh");
        var root = Environment.GetEnvironmentVariable("SKILLSMATCH_PG_ROOT") is { Length: > 0 } configured
            ? configured
            : script is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(script))!, ".pg");
        if (root is null) return null;
        var folder = Path.Combine(root, options.EmbeddedCluster);
        return Directory.Exists(folder) ? Path.Combine(folder, "demo-keys.txt") : null;
    }
}
