using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using SkillsMatch.Access;
using SkillsMatch.Api.Errors;

namespace SkillsMatch.Api.Access;

/// <summary>
/// One line per endpoint group to protect it (see docs/access.md, "Adding auth to a new endpoint group"). Without any of these
/// an endpoint still needs some valid key (the fallback policy); <c>.AllowAnonymous()</c> makes it public.
/// Filters run in the order they are added: put <see cref="AuditLearner{TBuilder}"/> first so refused attempts are
/// audited too.
/// </summary>
public static class AccessEndpoints
{
    /// <summary>Only keys of these roles; any other key gets 403, no key 401 (both declared in OpenAPI).</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params Role[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(',', roles.Select(r => r.Name())) })
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

    /// <summary>
    /// The learner in route value <paramref name="routeParameter"/> may be reached by: that learner's own key, a
    /// practitioner the learner granted (caseload, read per request), an admin. Employers and issuers never.
    /// </summary>
    public static TBuilder RequireLearnerAccess<TBuilder>(this TBuilder builder, string routeParameter = "id") where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRoles(Role.Admin, Role.Practitioner, Role.Learner).ProducesProblem(StatusCodes.Status404NotFound).WithMetadata(new LearnerRule(routeParameter, AllowCaseload: true))
            .AddEndpointFilter(async (context, next) => await RefuseLearnerAsync(context.HttpContext, routeParameter, allowCaseload: true) ?? await next(context));

    /// <summary>Only the learner themself or an admin: export, deletion, granting practitioners.</summary>
    public static TBuilder RequireLearnerSelf<TBuilder>(this TBuilder builder, string routeParameter = "id") where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRoles(Role.Admin, Role.Learner).ProducesProblem(StatusCodes.Status404NotFound).WithMetadata(new LearnerRule(routeParameter, AllowCaseload: false))
            .AddEndpointFilter(async (context, next) => await RefuseLearnerAsync(context.HttpContext, routeParameter, allowCaseload: false) ?? await next(context));

    /// <summary>Staff only: an admin, or a practitioner the learner granted — never the learner's own key (e.g. the outbox of their codes).</summary>
    public static TBuilder RequireLearnerStaff<TBuilder>(this TBuilder builder, string routeParameter = "id") where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRoles(Role.Admin, Role.Practitioner)
            .AddEndpointFilter(async (context, next) => await RefuseLearnerAsync(context.HttpContext, routeParameter, allowCaseload: true) ?? await next(context));

    /// <summary>
    /// Catalog rule: an issuer key manages only entries whose issuer URI is its subject; an admin manages all.
    /// <paramref name="issuerOf"/> looks up the entry's issuer URI from the route value (null: no such entry → 404).
    /// </summary>
    public static TBuilder RequireIssuerOf<TBuilder>(this TBuilder builder, string routeParameter,
        Func<IServiceProvider, string, CancellationToken, Task<string?>> issuerOf) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireOwnerOf(Role.Issuer, routeParameter, issuerOf, "An issuer key manages only its own issuer's entries.");

    /// <summary>
    /// Ownership rule: a key of <paramref name="ownerRole"/> manages only entries whose owner is its subject; an admin
    /// manages all. <paramref name="ownerOf"/> looks up the entry's owner from the route value (null: no such entry → 404).
    /// </summary>
    public static TBuilder RequireOwnerOf<TBuilder>(this TBuilder builder, Role ownerRole, string routeParameter,
        Func<IServiceProvider, string, CancellationToken, Task<string?>> ownerOf, string refusal) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRoles(Role.Admin, ownerRole).ProducesProblem(StatusCodes.Status404NotFound).WithMetadata(new OwnerRule(ownerRole, routeParameter, ownerOf, refusal)).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var rule = new OwnerRule(ownerRole, routeParameter, ownerOf, refusal);
            var value = http.Request.RouteValues[routeParameter]?.ToString() ?? "";
            return await rule.RefusalAsync(Caller.From(http.User)!, value, http.RequestServices, http.RequestAborted) is { } refused
                ? TypedResults.Problem(statusCode: refused.Status, title: refused.Status == 404 ? "Not found" : "Forbidden", detail: refused.Detail)
                : await next(context);
        });

    /// <summary>
    /// Records who did <paramref name="action"/> (e.g. learner.view, learner.update, learner.export, learner.delete,
    /// candidate.view) to the learner in route value <paramref name="routeParameter"/>, with the response status.
    /// The entry is queued; a background writer stores it.
    /// </summary>
    public static TBuilder AuditLearner<TBuilder>(this TBuilder builder, string routeParameter, string action) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditRule(routeParameter, action)).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var status = StatusCodes.Status500InternalServerError;
            try
            {
                var result = await next(context);
                status = StatusOf(result) ?? http.Response.StatusCode;
                return result;
            }
            finally
            {
                if (Caller.From(http.User) is { } caller)
                {
                    Guid? learner = Guid.TryParse(http.Request.RouteValues[routeParameter]?.ToString(), out var id) ? id : null;
                    await http.RequestServices.GetRequiredService<AuditWriter>().RecordAsync(
                        new AuditEntry(DateTime.UtcNow, caller.KeyId, caller.Role.Name(), action, learner, http.Request.Path, status), CancellationToken.None);
                }
            }
        });

    private static async Task<IResult?> RefuseLearnerAsync(HttpContext http, string routeParameter, bool allowCaseload)
    {
        if (!Guid.TryParse(http.Request.RouteValues[routeParameter]?.ToString(), out var learnerId))
            return TypedResults.Problem(statusCode: 404, title: "Learner not found", detail: "A learner id is a UUID.");
        return await new LearnerRule(routeParameter, allowCaseload).RefusalAsync(Caller.From(http.User)!, learnerId, http.RequestServices, http.RequestAborted) is { } refusal
            ? TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: refusal)
            : null;
    }

    /// <summary>
    /// Placement rule: a practitioner places only learners on their caseload (an admin any). The refusal names the
    /// learners outside it; null when all may be placed.
    /// </summary>
    public static async Task<string?> CaseloadRefusalAsync(Caller caller, IEnumerable<Guid> learners, CaseloadStore caseload, CancellationToken ct)
    {
        if (caller.Role != Role.Practitioner) return null;
        var outside = new List<Guid>();
        foreach (var learner in learners)
            if (!await caseload.HasAccessAsync(caller.Subject ?? "", learner, ct)) outside.Add(learner);
        return outside.Count == 0 ? null : "These learners have not granted you access (not on your caseload): " + string.Join(", ", outside);
    }

    private static int? StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult { StatusCode: { } status } => status,
        _ => null,
    };
}
