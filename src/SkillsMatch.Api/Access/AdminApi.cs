using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Access;
using SkillsMatch.Api.Errors;

namespace SkillsMatch.Api.Access;

/// <summary>Key management and the audit log, for admin keys only.</summary>
public static class AdminApi
{
    public const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").WithTags("Admin").RequireRoles(Role.Admin).ProducesCommonProblems();
        admin.MapPost("/keys", CreateKey).ProducesBodyProblems().WithSummary("Create an API key; the response holds its secret, shown this once.");
        admin.MapGet("/keys", ListKeys).ProducesValidationProblem().WithSummary("Keys with prefix, role, subject, label and dates; never a secret.");
        admin.MapDelete("/keys/{id:guid}", RevokeKey).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Revoke a key; it is refused from the next request on.");
        admin.MapGet("/audit", QueryAudit).ProducesValidationProblem().WithSummary("Who viewed or changed which learner, newest first.");
        return app;
    }

    public static async Task<Results<Created<CreatedApiKey>, ValidationProblem>> CreateKey(
        CreateKeyRequest request, ApiKeyStore keys, LearnerDataStore learners, CancellationToken ct)
    {
        var role = Roles.Parse(request.Role!);
        var errors = new Dictionary<string, string[]>();
        if (role == Role.Learner && request.LearnerId is null)
            errors["LearnerId"] = ["A learner key needs the learner's id."];
        else if (role != Role.Learner && request.LearnerId is not null)
            errors["LearnerId"] = ["Only a learner key names a learner."];
        else if (request.LearnerId is { } learner && !await learners.ExistsAsync(learner, ct))
            errors["LearnerId"] = [$"There is no learner {learner}."];
        if (role is Role.Practitioner or Role.Employer or Role.Issuer && string.IsNullOrWhiteSpace(request.Subject))
            errors["Subject"] = [role == Role.Issuer ? "An issuer key needs the issuer's URI." : $"A {role.Name()} key needs a subject (whom it speaks for)."];
        if (role == Role.Issuer && !Uri.TryCreate(request.Subject, UriKind.Absolute, out _))
            errors.TryAdd("Subject", ["An issuer's subject is its absolute URI."]);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var created = await keys.CreateAsync(new NewApiKey(role, request.LearnerId, request.Subject?.Trim(), request.Label), ct);
        return TypedResults.Created($"/admin/keys/{created.Key.Id}", created);
    }

    public static async Task<Ok<IReadOnlyList<ApiKey>>> ListKeys([AsParameters] KeyListQuery query, ApiKeyStore keys, CancellationToken ct) =>
        TypedResults.Ok(await keys.ListAsync(query.IncludeRevoked ?? false, query.Limit ?? 100, ct));

    public static async Task<Results<Ok<ApiKey>, ProblemHttpResult>> RevokeKey(Guid id, ApiKeyStore keys, ApiKeyCache cache, CancellationToken ct)
    {
        var key = await keys.RevokeAsync(id, ct);
        cache.Forget(id);
        return key is null
            ? TypedResults.Problem(statusCode: 404, title: "Key not found", detail: $"There is no API key {id}.")
            : TypedResults.Ok(key);
    }

    public static async Task<Ok<IReadOnlyList<AuditEntry>>> QueryAudit([AsParameters] AuditQueryParameters query, AuditStore audit, CancellationToken ct) =>
        TypedResults.Ok(await audit.QueryAsync(new AuditQuery(query.Learner, query.Principal, query.From?.UtcDateTime, query.To?.UtcDateTime, query.Limit ?? 100), ct));
}

/// <param name="Role">admin, practitioner, employer, learner or issuer.</param>
/// <param name="LearnerId">For a learner key: the learner it speaks for.</param>
/// <param name="Subject">For practitioner and employer keys their name; for an issuer key the issuer's URI.</param>
public sealed record CreateKeyRequest(
    [property: Required, AllowedValues("admin", "practitioner", "employer", "learner", "issuer", ErrorMessage = "Role must be admin, practitioner, employer, learner or issuer.")] string? Role,
    Guid? LearnerId,
    [property: StringLength(300)] string? Subject,
    [property: StringLength(200)] string? Label);

public sealed record KeyListQuery(bool? IncludeRevoked, [property: Range(1, AdminApi.MaxPageSize)] int? Limit);

/// <param name="Learner">Only entries about this learner.</param>
/// <param name="Principal">Only entries by this key id.</param>
/// <param name="From">From this instant (inclusive), ISO 8601.</param>
/// <param name="To">Before this instant, ISO 8601.</param>
public sealed record AuditQueryParameters(
    Guid? Learner, Guid? Principal, DateTimeOffset? From, DateTimeOffset? To,
    [property: Range(1, AdminApi.MaxPageSize)] int? Limit);
