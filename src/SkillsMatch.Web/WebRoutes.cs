using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SkillsMatch.Access;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Web;

/// <summary>
/// The web app's two non-page routes, on the session cookie: skill suggestions for the autocomplete fields (the same
/// search as GET /skills, in the working taxonomy) and the learner's own data export (the same export as
/// GET /learners/{id}/export, under the same rule: the learner themself, audited as learner.export).
/// </summary>
public static class WebRoutes
{
    public static void MapWebRoutes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/app").ExcludeFromDescription().RequireAuthorization(WebSetup.Policy).WithMetadata(WebEndpoint.Instance);
        group.MapGet("/skills/suggest", SuggestAsync);
        group.MapGet("/learner/export", ExportAsync);
    }

    public sealed record Suggestion(long Id, string Label);

    private static async Task<Ok<Suggestion[]>> SuggestAsync(string? q, SkillSearch search, WorkingTaxonomy working, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 100) return TypedResults.Ok(Array.Empty<Suggestion>());
        var hits = await search.SearchAsync(q, await working.GetIdAsync(ct), null, 8, ct);
        return TypedResults.Ok(hits.Select(h => new Suggestion(h.Id, h.Label)).DistinctBy(h => h.Label).ToArray());
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> ExportAsync(
        HttpContext http, LearnerAccess access, LearnerDataStore data, AuditWriter audit, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        if (caller?.LearnerId is not { } id) return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        var refusal = await access.RefusalAsync(caller, id, allowCaseload: false, ct);
        var export = refusal is null ? await data.ExportAsync(id, ct) : null;
        var status = refusal is not null ? StatusCodes.Status403Forbidden : export is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        await audit.RecordAsync(new AuditEntry(DateTime.UtcNow, caller.KeyId, caller.Role.Name(), "learner.export", id, http.Request.Path, status), CancellationToken.None);
        if (export is null) return TypedResults.StatusCode(status);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(export.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })),
            "application/json", $"skillsmatch-{id}.json");
    }
}
