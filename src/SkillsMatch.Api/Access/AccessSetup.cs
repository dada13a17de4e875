using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        // The stores come with AddSkillsMatch; TryAdd keeps access usable on its own (the resource-rule tests' probe host).
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiKeyStore>();
        services.TryAddSingleton<CaseloadStore>();
        services.TryAddSingleton<AuditStore>();
        services.TryAddSingleton<LearnerDataStore>();
        services.AddSingleton<ApiKeyCache>();
        services.TryAddSingleton<LearnerAccess>();
        services.AddSingleton<FailedKeyLimiter>();
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
                await TooManyRequestsAsync(http, seconds, "Too many requests",
                    $"The request limit for this {(Caller.From(http.User) is null ? "address" : "API key")} is reached; retry in {seconds} s.");
            };
        });
    }

    /// <summary>Authentication, then the rate limiter (so it can partition by key), then authorization.</summary>
    public static void UseAccess(this WebApplication app)
    {
        // An address that presented too many wrong keys waits before presenting any key again (issue 15).
        app.Use(async (http, next) =>
        {
            if (ApiKeyAuthenticationHandler.PresentsKey(http.Request)
                && http.RequestServices.GetRequiredService<FailedKeyLimiter>().LockedFor(ClientAddress(http)) is { } seconds)
            {
                await TooManyRequestsAsync(http, seconds, "Too many failed key attempts",
                    $"Too many wrong or revoked API keys came from this address; retry in {seconds} s.");
                return;
            }
            await next(http);
        });
        app.UseAuthentication();
        // A key that was presented but is wrong or revoked is refused everywhere, public endpoints included.
        app.Use(async (http, next) =>
        {
            if (http.Items.ContainsKey(ApiKeyAuthenticationHandler.FailureItem))
            {
                http.RequestServices.GetRequiredService<FailedKeyLimiter>().RecordFailure(ClientAddress(http));
                await http.ChallengeAsync();
            }
            else await next(http);
        });
        app.UseRateLimiter();
        app.UseAuthorization();
    }

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "(none)";

    /// <summary>A 429 ProblemDetails with Retry-After, for the request limiter and the failed-key limit alike.</summary>
    private static Task TooManyRequestsAsync(HttpContext http, int seconds, string title, string detail)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = detail },
        }).AsTask();
    }
}
