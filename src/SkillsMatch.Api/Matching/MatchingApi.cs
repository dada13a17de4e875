using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;
using SkillsMatch.Learners;
using SkillsMatch.Matching;
using SkillsMatch.Matching.Placements;
using SkillsMatch.Matching.Plans;
using SkillsMatch.Matching.Retrieval;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Api.Matching;

/// <summary>The matching views: roles for a learner, candidates for a posting or a skill search, cohort placements, gaps with plans.</summary>
public static class MatchingApi
{
    public static IEndpointRouteBuilder MapMatching(this IEndpointRouteBuilder app)
    {
        app.MapGet("/learners/{id:guid}/matches", Matches).WithTags("Matching").AuditLearner("id", "learner.view").RequireLearnerAccess("id")
            .WithSummary("Open postings ranked for a learner, each with its score explained (filters: region, remote, occupation).");
        app.MapGet("/learners/{id:guid}/gaps", Gaps).WithTags("Matching").AuditLearner("id", "learner.view").RequireLearnerAccess("id")
            .WithSummary("The learner's missing skills for an occupation or a posting, and the fastest and cheapest microcredential plans that close them.");
        app.MapGet("/jobs/{id:guid}/candidates", JobCandidates).WithTags("Matching").RequireRoles(Role.Admin, Role.Employer)
            .WithSummary("Consenting learners ranked for a posting, with explanations; only the parts each learner chose to share.");
        app.MapPost("/candidates/search", SearchCandidates).WithTags("Matching").RequireRoles(Role.Admin, Role.Employer)
            .WithSummary("Consenting learners holding the given skills at a minimum evidence tier, ranked and explained.");
        app.MapPost("/placements", Placements).WithTags("Matching").RequireRoles(Role.Admin, Role.Practitioner)
            .WithSummary("A cohort and openings with capacities: ranked options per learner and the assignment with the most total fit.");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<RoleMatch>>, ProblemHttpResult>> Matches(
        Guid id, string? region, bool? remote, string? occupation, int? limit, RolesForLearner matching, TaxonomyStore taxonomies, WorkingTaxonomy working,
        CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        var occupationId = occupation is null ? null : await taxonomies.ResolveOccupationAsync(await working.GetIdAsync(ct), occupation, ct);
        if (occupation is not null && occupationId is null) problems["occupation"] = [$"No occupation '{occupation}' in the working taxonomy."];
        region = CheckRegion(region, problems);
        CheckLimit(limit, problems);
        if (problems.Count > 0) return Invalid(problems);
        var filter = new RoleFilter(region, IncludeRemote: remote != false, RemoteOnly: remote == true, occupationId);
        return await matching.FindAsync(id, filter, limit ?? 20, ct) is { } matches
            ? TypedResults.Ok(matches) : NotFound("learner", id);
    }

    public static async Task<Results<Ok<IReadOnlyList<CandidateMatch>>, ProblemHttpResult>> JobCandidates(
        Guid id, string? region, string? minTier, int? limit, HttpContext http, CandidatesForRole matching, AuditWriter audit, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        region = CheckRegion(region, problems);
        var tier = ParseTier(minTier, problems);
        CheckLimit(limit, problems);
        if (problems.Count > 0) return Invalid(problems);
        var filter = new CandidateFilter(region, MinTier: tier, RequireAll: false);
        if (await matching.ForPostingAsync(id, filter, limit ?? 20, ct) is not { } candidates) return NotFound("job posting", id);
        await AuditCandidatesAsync(http, audit, candidates);
        return TypedResults.Ok(candidates);
    }

    public static async Task<Results<Ok<IReadOnlyList<CandidateMatch>>, ProblemHttpResult>> SearchCandidates(
        CandidateSearchRequest request, HttpContext http, CandidatesForRole matching, TaxonomyStore taxonomies, WorkingTaxonomy working, AuditWriter audit,
        CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        var skills = request.Skills ?? [];
        if (skills.Count is 0 or > 50) problems["skills"] = ["Give 1 to 50 skills (ids, working-taxonomy codes or preferred labels)."];
        var resolved = await taxonomies.ResolveSkillsAsync(await working.GetIdAsync(ct), skills, ct);
        var unknown = skills.Where(s => !resolved.ContainsKey(s)).ToList();
        if (unknown.Count > 0) problems["skills"] = [$"Unknown skills: {string.Join(", ", unknown)}"];
        var region = CheckRegion(request.Region, problems);
        var tier = ParseTier(request.MinTier, problems);
        CheckLimit(request.Limit, problems);
        if (problems.Count > 0) return Invalid(problems);
        var ids = resolved.Values.Distinct().ToList();
        var filter = new CandidateFilter(region, request.IncludeRemote ?? true, tier, ids, request.RequireAll ?? true);
        var candidates = await matching.ForSkillsAsync(ids, filter, request.Limit ?? 20, ct);
        await AuditCandidatesAsync(http, audit, candidates);
        return TypedResults.Ok(candidates);
    }

    public static async Task<Results<Ok<PlacementResult>, ProblemHttpResult>> Placements(
        PlacementRequest request, ClaimsPrincipal user, PlacementsForCohort matching, CaseloadStore caseload, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        var learners = request.Learners ?? [];
        var openings = request.Openings ?? [];
        if (learners.Count is 0 or > 500) problems["learners"] = ["Give 1 to 500 learner ids."];
        else if (learners.Distinct().Count() != learners.Count) problems["learners"] = ["A learner is listed twice."];
        if (openings.Count is 0 or > 200) problems["openings"] = ["Give 1 to 200 openings."];
        else if (openings.Any(o => o.Capacity < 1)) problems["openings"] = ["Every opening needs a capacity of at least 1."];
        else if (openings.Select(o => o.Job).Distinct().Count() != openings.Count) problems["openings"] = ["A job is listed twice; give it a larger capacity instead."];
        if (request.MinFit is < 0 or > 100) problems["minFit"] = ["minFit is a score from 0 to 100."];
        if (problems.Count > 0) return Invalid(problems);
        if (Caller.From(user) is { Role: Role.Practitioner } practitioner)
        {
            var outside = new List<Guid>();
            foreach (var learner in learners)
                if (!await caseload.HasAccessAsync(practitioner.Subject ?? "", learner, ct)) outside.Add(learner);
            if (outside.Count > 0)
                return TypedResults.Problem(statusCode: 403, title: "Forbidden",
                    detail: "These learners have not granted you access (not on your caseload): " + string.Join(", ", outside));
        }
        var view = await matching.PlaceAsync(learners, [.. openings.Select(o => new Opening(o.Job, o.Capacity))], request.MinFit ?? 0, request.OptionsPerLearner ?? 5, ct);
        if (view.Result is null)
            return TypedResults.Problem(statusCode: 404, title: "Unknown learners or postings", detail: "Not found: " + string.Join(", ", view.Unknown));
        return TypedResults.Ok(view.Result);
    }

    public static async Task<Results<Ok<GapView>, ProblemHttpResult>> Gaps(
        Guid id, string? occupation, Guid? job, string? format, string? language, decimal? maxCost, double? maxHours,
        GapsForLearner matching, TaxonomyStore taxonomies, WorkingTaxonomy working, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        if ((occupation is null) == (job is null)) problems["occupation"] = ["Give exactly one target: ?occupation= (id or code) or ?job= (posting id)."];
        var occupationId = occupation is null ? null : await taxonomies.ResolveOccupationAsync(await working.GetIdAsync(ct), occupation, ct);
        if (occupation is not null && occupationId is null) problems["occupation"] = [$"No occupation '{occupation}' in the working taxonomy."];
        if (format is not (null or "online" or "in-person" or "hybrid")) problems["format"] = ["format is online, in-person or hybrid."];
        if (language is not (null or "en" or "fr")) problems["language"] = ["language is en or fr."];
        if (maxCost is < 0) problems["maxCost"] = ["maxCost cannot be negative."];
        if (maxHours is < 0) problems["maxHours"] = ["maxHours cannot be negative."];
        if (problems.Count > 0) return Invalid(problems);
        var options = new GapPlanOptions
        {
            Formats = format is null ? null : new HashSet<string> { format },
            Languages = language is null ? null : new HashSet<string> { language },
            MaxTotalCost = maxCost,
            MaxTotalHours = maxHours,
        };
        var view = await matching.FindAsync(id, new GapTarget(occupationId, job), options, ct);
        if (view is null) return NotFound("learner", id);
        return view.TargetFound ? TypedResults.Ok(view) : NotFound("job posting", job!.Value);
    }

    /// <summary>An employer's look at a candidate is a view of that learner: each one shown is audited.</summary>
    private static async Task AuditCandidatesAsync(HttpContext http, AuditWriter audit, IReadOnlyList<CandidateMatch> candidates)
    {
        if (Caller.From(http.User) is not { } caller) return;
        foreach (var candidate in candidates)
            await audit.RecordAsync(new AuditEntry(DateTime.UtcNow, caller.KeyId, caller.Role.Name(), "candidate.view", candidate.LearnerId, http.Request.Path, 200),
                CancellationToken.None);
    }

    private static EvidenceTier? ParseTier(string? tier, Dictionary<string, string[]> problems)
    {
        switch (tier)
        {
            case null: return null;
            case "credential-verified" or "4": return EvidenceTier.CredentialVerified;
            case "attested" or "3": return EvidenceTier.Attested;
            case "inferred" or "2": return EvidenceTier.Inferred;
            case "self-declared" or "1": return EvidenceTier.SelfDeclared;
            default:
                problems["minTier"] = ["minTier is credential-verified, attested, inferred or self-declared (or 4 to 1)."];
                return null;
        }
    }

    /// <summary>The region as its ISO 3166-2 code ('Ontario', 'ON' → 'CA-ON'), or null with a problem noted.</summary>
    private static string? CheckRegion(string? region, Dictionary<string, string[]> problems)
    {
        if (region is null) return null;
        if (CanadianRegions.Normalize(region) is { } iso) return iso;
        problems["region"] = [$"'{region}' is not a Canadian province or territory; send an ISO 3166-2 code such as CA-ON, 'ON' or 'Ontario'."];
        return null;
    }

    private static void CheckLimit(int? limit, Dictionary<string, string[]> problems)
    {
        if (limit is < 1 or > TopMatches.MaxLimit) problems["limit"] = [$"limit is 1 to {TopMatches.MaxLimit}."];
    }

    private static ProblemHttpResult Invalid(Dictionary<string, string[]> problems) =>
        TypedResults.Problem(statusCode: 400, title: "Invalid request", detail: string.Join(" ", problems.Values.SelectMany(v => v)),
            extensions: new Dictionary<string, object?> { ["errors"] = problems });

    private static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(statusCode: 404, title: $"Unknown {what}", detail: $"No {what} has id {id}.");
}

/// <param name="Skills">Skill ids, working-taxonomy codes (e.g. "sql") or preferred labels.</param>
/// <param name="MinTier">credential-verified, attested, inferred or self-declared: the weakest evidence accepted for the skills.</param>
/// <param name="RequireAll">Candidates must hold every skill (default) or at least one.</param>
public sealed record CandidateSearchRequest(
    IReadOnlyList<string>? Skills, string? MinTier, string? Region, bool? IncludeRemote, bool? RequireAll, int? Limit);

public sealed record PlacementRequest(IReadOnlyList<Guid>? Learners, IReadOnlyList<PlacementOpening>? Openings, double? MinFit, int? OptionsPerLearner);

public sealed record PlacementOpening(Guid Job, int Capacity);
