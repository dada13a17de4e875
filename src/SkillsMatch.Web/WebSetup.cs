using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SkillsMatch.Access;
using SkillsMatch.Web.Components;

namespace SkillsMatch.Web;

/// <summary>
/// The web app, hosted by the API's process: <c>builder.AddSkillsMatchWeb()</c> and <c>app.MapSkillsMatchWeb()</c>.
/// Pages live under <c>/app</c> (and <c>/signin</c>, <c>/session/*</c>) so they never collide with API routes.
/// A browser session is a cookie (HttpOnly, SameSite=Strict) holding the same claims an API key gives; pages check
/// them with the API's own rules (<see cref="LearnerAccess"/>, <see cref="AuditWriter"/>).
/// </summary>
public static class WebSetup
{
    public const string CookieScheme = "SkillsMatchWeb";
    public const string Policy = "web";
    public static readonly string[] Cultures = ["en", "fr"];

    public static void AddSkillsMatchWeb(this WebApplicationBuilder builder)
    {
        // Outside Development the RCL's and MudBlazor's files are found through the static web assets manifest too.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents();
        services.AddMudServices();
        services.AddLocalization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<SkillLabels>();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "skillsmatch.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        var authentication = services.AddAuthentication().AddCookie(CookieScheme, options =>
        {
            options.Cookie.Name = "skillsmatch.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/signin";
            options.AccessDeniedPath = "/app/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // A session lasts only as long as the key it was opened with: revoking the key ends it.
            options.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal?.FindFirstValue(OidcSubjectClaim) is not null) return;
                if (Caller.From(context.Principal!) is not { } caller
                    || !await context.HttpContext.RequestServices.GetRequiredService<ApiKeyStore>().IsActiveAsync(caller.KeyId, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(CookieScheme);
                }
            };
        });

        // OpenID Connect for real deployments (Web:OpenIdConnect:Authority and ClientId set): role and subject from claims.
        var oidc = builder.Configuration.GetSection("Web:OpenIdConnect");
        if (!string.IsNullOrWhiteSpace(oidc["Authority"]) && !string.IsNullOrWhiteSpace(oidc["ClientId"]))
        {
            authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                oidc.Bind(options);
                options.SignInScheme = CookieScheme;
                options.ResponseType = "code";
                options.SaveTokens = false;
                options.Events.OnTokenValidated = context =>
                {
                    context.Principal = FromOpenIdConnect(context.Principal!, oidc["RoleClaim"] ?? "role", oidc["LearnerClaim"] ?? "skillsmatch_learner");
                    return Task.CompletedTask;
                };
            });
        }

        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser());
    }

    public const string OidcSubjectClaim = "skillsmatch:oidc-subject";

    /// <summary>
    /// An OpenID Connect user as a caller: role from <paramref name="roleClaim"/>, learner id from <paramref name="learnerClaim"/>,
    /// subject (practitioner, employer, issuer) from <c>sub</c>; the key id is a stable id derived from issuer and subject so
    /// the audit log names the same person every time.
    /// </summary>
    public static ClaimsPrincipal FromOpenIdConnect(ClaimsPrincipal user, string roleClaim, string learnerClaim)
    {
        var subject = user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var issuer = user.FindFirst("sub")?.Issuer ?? "";
        var roleName = user.FindFirstValue(roleClaim) ?? user.FindFirstValue(ClaimTypes.Role);
        if (!Roles.TryParse(roleName, out var role)) return new ClaimsPrincipal(new ClaimsIdentity());
        var id = new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(issuer + "\n" + subject)).AsSpan(0, 16));
        var key = new ApiKey(id, "oidc", role, Guid.TryParse(user.FindFirstValue(learnerClaim), out var learner) ? learner : null,
            subject, user.FindFirstValue("name"), DateTime.UtcNow, null, null);
        var principal = Caller.ToPrincipal(key, CookieScheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(OidcSubjectClaim, subject));
        return principal;
    }

    public static void MapSkillsMatchWeb(this WebApplication app)
    {
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = [.. Cultures.Select(c => new CultureInfo(c))],
            SupportedUICultures = [.. Cultures.Select(c => new CultureInfo(c))],
            RequestCultureProviders = [new CookieRequestCultureProvider(), new CustomRequestCultureProvider(http => Task.FromResult(FromAcceptLanguage(http)))],
        });
        app.UseAntiforgery();
        // Stylesheets are public: the API's fallback policy (a key for everything unmarked) must not cover them.
        app.MapStaticAssets().AllowAnonymous().Add(endpoint => endpoint.Metadata.Add(WebEndpoint.Instance));
        app.MapGet("/", (HttpContext http) => TypedResults.Redirect(Caller.From(http.User) is null ? "/signin" : "/app"))
            .ExcludeFromDescription().AllowAnonymous();

        var session = app.MapGroup("/session").ExcludeFromDescription().WithMetadata(WebEndpoint.Instance);
        session.MapGet("/culture", (HttpContext http, string? culture, string? back) =>
        {
            var chosen = Cultures.Contains(culture) ? culture! : "en";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            return TypedResults.LocalRedirect(LocalPath(back));
        }).AllowAnonymous();
        session.MapPost("/signout", async (HttpContext http, [FromForm] string? back) =>
        {
            await http.SignOutAsync(CookieScheme);
            return TypedResults.LocalRedirect("/signin");
        }).RequireAuthorization(Policy); // the form's antiforgery token belongs to the signed-in user, so the cookie must be read

        app.MapWebRoutes();
        app.MapRazorComponents<App>().RequireAuthorization(Policy).Add(endpoint => endpoint.Metadata.Add(WebEndpoint.Instance));
    }

    /// <summary>
    /// The first of the browser's languages, by quality, that we speak: fr-CA means French. (The framework's own provider
    /// falls back from fr-CA to fr through the culture's parent, which invariant globalization mode does not know.)
    /// </summary>
    public static ProviderCultureResult? FromAcceptLanguage(HttpContext http)
    {
        var languages = http.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
        {
            var primary = language.Value.ToString().Split('-')[0].ToLowerInvariant();
            if (Cultures.Contains(primary)) return new ProviderCultureResult(primary);
        }
        return null;
    }

    /// <summary>Only a path on this site, never another origin.</summary>
    public static string LocalPath(string? back) =>
        back is { Length: > 0 } && back[0] == '/' && !back.StartsWith("//", StringComparison.Ordinal) && !back.StartsWith("/\\", StringComparison.Ordinal) ? back : "/app";
}

/// <summary>Marks the web app's endpoints (pages, session routes, static files), so API-only checks can tell them apart.</summary>
public sealed class WebEndpoint
{
    public static readonly WebEndpoint Instance = new();
    private WebEndpoint() { }
}
