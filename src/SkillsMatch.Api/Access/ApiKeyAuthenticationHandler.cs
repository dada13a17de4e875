using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SkillsMatch.Api.Access;

/// <summary>
/// Authenticates <c>Authorization: Bearer sm_…</c> or <c>X-Api-Key: sm_…</c>. No key → anonymous (public
/// endpoints still answer); a key that is unknown, malformed or revoked → 401, never silently anonymous.
/// Challenges and refusals are ProblemDetails.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyCache keys, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    internal const string FailureItem = "skillsmatch:auth-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null) return AuthenticateResult.NoResult();

        var key = await keys.FindActiveAsync(presented, Context.RequestAborted);
        if (key is null)
        {
            Context.Items[FailureItem] = true;
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(Caller.ToPrincipal(key, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var rejected = Context.Items.ContainsKey(FailureItem);
        return WriteProblemAsync(StatusCodes.Status401Unauthorized,
            rejected ? "Invalid API key" : "API key required",
            rejected
                ? "The API key is unknown or has been revoked."
                : $"Send an API key as 'Authorization: Bearer <key>' or '{HeaderName}: <key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "This API key's role may not use this endpoint.");

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>Does the request present a key at all (right or wrong)?</summary>
    public static bool PresentsKey(HttpRequest request) => PresentedKey(request) is not null;

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[HeaderName] is [{ Length: > 0 } header]) return header.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }
}
