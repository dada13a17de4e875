using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Tests.Support;
using Xunit.Abstractions;
using static SkillsMatch.Tests.Access.AccessRule;

namespace SkillsMatch.Tests.Access;

/// <summary>
/// Every endpoint the app maps (read from its <see cref="EndpointDataSource"/>) against every kind of caller: an
/// endpoint without a row here fails the test, so a new endpoint cannot ship without saying who may call it. Each
/// endpoint gets a fresh <see cref="AccessWorld"/>, so a DELETE that succeeds does not disturb the next row.
/// </summary>
public sealed class EndpointAccessMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>(method, route pattern) → who gets through, and the body sent (valid where easy, so a refusal is not a 400).</summary>
    internal static readonly Dictionary<string, (AccessRule Rule, Func<AccessWorld, object>? Body)> Expected = new()
    {
        ["GET /"] = (Public, null),
        ["GET /health/live"] = (Public, null),
        ["GET /health/ready"] = (Public, null),
        ["GET /openapi/{documentName}.json"] = (Public, null),
        ["GET /docs/{documentName?}"] = (Public, null),
        ["GET /docs/scalar.js"] = (Public, null),
        ["GET /docs/scalar.aspnetcore.js"] = (Public, null),
        ["GET /docs/favicon.svg"] = (Public, null),
        ["GET /taxonomies"] = (Public, null),
        ["GET /skills/"] = (Public, null),
        ["GET /skills/{id:long}"] = (Public, null),
        ["GET /occupations/"] = (Public, null),
        ["GET /occupations/{id:long}"] = (Public, null),
        ["POST /crosswalks"] = (Roles(Who.Admin), _ => new { from = "no-such-taxonomy", to = "none-either" }),
        ["POST /extract"] = (AnyKey, _ => new { text = "Writes SQL queries.", lexicalOnly = true }),
        ["POST /occupations/classify"] = (AnyKey, _ => new { title = "data analyst" }),

        ["POST /learners/"] = (Roles(Who.Admin, Who.PractitionerCaseload, Who.PractitionerOther), _ => new { displayName = "Matrix learner" }),
        ["GET /learners/"] = (Roles(Who.Admin), null),
        ["GET /learners/{id:guid}"] = (LearnerAccess, null),
        ["PUT /learners/{id:guid}"] = (LearnerAccess, _ => new { displayName = "Matrix learner", consent = new { visibleToEmployers = false, parts = Array.Empty<string>() } }),
        ["PATCH /learners/{id:guid}/consent"] = (LearnerAccess, _ => new { visibleToEmployers = false, parts = new[] { "skills" } }),
        ["POST /learners/{id:guid}/experiences"] = (LearnerAccess, ExperienceBody),
        ["PUT /learners/{id:guid}/experiences/{experienceId:guid}"] = (LearnerAccess, ExperienceBody),
        ["DELETE /learners/{id:guid}/experiences/{experienceId:guid}"] = (LearnerAccess, null),
        ["PUT /learners/{id:guid}/skills/self"] = (LearnerAccess, _ => new { skills = Array.Empty<object>() }),
        ["GET /learners/{id:guid}/skills"] = (LearnerAccess, null),
        ["GET /learners/{id:guid}/matches"] = (LearnerAccess, null),
        ["GET /learners/{id:guid}/gaps"] = (LearnerAccess, null),
        ["GET /learners/{id:guid}/export"] = (LearnerSelf, null),
        ["DELETE /learners/{id:guid}/"] = (LearnerSelf, null),
        ["GET /learners/{id:guid}/practitioners/"] = (LearnerSelf, null),
        ["POST /learners/{id:guid}/practitioners/"] = (LearnerSelf, w => new { practitioner = w.PractitionerSubject }),
        ["DELETE /learners/{id:guid}/practitioners/{practitioner}"] = (LearnerSelf, null),
        ["POST /learners/{learnerId:guid}/credentials/"] = (LearnerAccess, _ => new { type = new[] { "VerifiableCredential" } }),
        ["GET /learners/{learnerId:guid}/credentials/"] = (LearnerAccess, null),
        ["GET /learners/{learnerId:guid}/credentials/{credentialId:guid}"] = (LearnerAccess, null),
        ["DELETE /learners/{learnerId:guid}/credentials/{credentialId:guid}"] = (LearnerAccess, null),
        ["POST /learners/{learnerId:guid}/credentials/{credentialId:guid}/verify"] = (LearnerAccess, null),

        ["GET /learners/{learnerId:guid}/holder/"] = (LearnerAccess, null),
        ["POST /learners/{learnerId:guid}/holder/emails"] = (LearnerAccess, _ => new { address = "matrix@example.org" }),
        ["POST /learners/{learnerId:guid}/holder/emails/verify"] = (LearnerAccess, _ => new { address = "matrix@example.org", code = "123456" }),
        ["POST /learners/{learnerId:guid}/holder/challenges"] = (LearnerAccess, null),
        ["POST /learners/{learnerId:guid}/holder/dids"] = (LearnerAccess, _ => new { presentation = "not.a.presentation" }),
        // The codes sent to a learner's address: their practitioner or an admin, never the learner's own key.
        ["GET /learners/{learnerId:guid}/holder/outbox"] = (Roles(Who.Admin, Who.PractitionerCaseload), null),

        ["GET /admin/organisations/{organisation}/brands/"] = (Roles(Who.Admin), null),
        ["PUT /admin/organisations/{organisation}/brands/"] = (Roles(Who.Admin), _ => new { brands = new[] { "Matrix brand" } }),
        ["POST /jobs/"] = (Roles(Who.Admin, Who.Employer, Who.EmployerOther), _ => new { title = $"Matrix clerk {Guid.NewGuid():N}", description = "Files records." }),
        ["GET /jobs/"] = (AnyKey, null),
        ["GET /jobs/{id:guid}"] = (AnyKey, null),
        ["PUT /jobs/{id:guid}/skills"] = (Roles(Who.Admin, Who.Employer), _ => new { skills = new[] { new { skillId = 1, requirement = "required" } } }),
        ["POST /jobs/{id:guid}/close"] = (Roles(Who.Admin, Who.Employer), null),
        ["POST /jobs/{id:guid}/reopen"] = (Roles(Who.Admin, Who.Employer), null),
        ["DELETE /jobs/{id:guid}"] = (Roles(Who.Admin, Who.Employer), null),
        // Employers only; the store scopes each list to the caller's organisation, so another employer's posting reads as 404 (a pass here).
        ["GET /jobs/{id:guid}/shortlist/"] = (Roles(Who.Employer, Who.EmployerOther), null),
        ["PUT /jobs/{id:guid}/shortlist/{learnerId:guid}"] = (Roles(Who.Employer, Who.EmployerOther), null),
        ["DELETE /jobs/{id:guid}/shortlist/{learnerId:guid}"] = (Roles(Who.Employer, Who.EmployerOther), null),
        ["GET /jobs/{id:guid}/candidates"] = (Roles(Who.Admin, Who.Employer, Who.EmployerOther), null),
        ["POST /candidates/search"] = (Roles(Who.Admin, Who.Employer, Who.EmployerOther), _ => new { skills = new[] { "sql" } }),
        // Learners not on the practitioner's caseload are refused (403) by the handler.
        ["GET /practitioners/me/caseload"] = (Roles(Who.PractitionerCaseload, Who.PractitionerOther), null),
        ["POST /placements"] = (Roles(Who.Admin, Who.PractitionerCaseload),
            w => new { learners = new[] { w.Learner }, openings = new[] { new { job = w.Posting, capacity = 1 } } }),
        // Aggregates only (suppressed under 5 learners): a practitioner's own caseload or, for an admin, every learner.
        ["GET /analytics/skill-gaps"] = (Roles(Who.Admin, Who.PractitionerCaseload, Who.PractitionerOther), null),
        ["GET /analytics/demand-supply"] = (Roles(Who.Admin, Who.PractitionerCaseload, Who.PractitionerOther), null),

        // Outcomes: the posting's employer (the world's learner does not share with employers: 404, past the access rule),
        // the learner's practitioner, an admin; another employer or practitioner is refused by the handler (403).
        ["POST /outcomes"] = (Roles(Who.Admin, Who.Employer, Who.PractitionerCaseload), w => new { learner = w.Learner, posting = w.Posting, stage = "shortlisted" }),
        ["GET /jobs/{id:guid}/outcomes"] = (Roles(Who.Admin, Who.Employer, Who.PractitionerCaseload, Who.PractitionerOther), null),
        ["GET /learners/{id:guid}/outcomes"] = (LearnerAccess, null),
        ["PUT /learners/{id:guid}/equity-groups"] = (LearnerSelf, _ => new { groups = new[] { new { program = "matrix-program", selfIdentified = "women+" } } }),
        ["GET /equity-programs/{program}/report"] = (Roles(Who.Admin, Who.PractitionerCaseload, Who.PractitionerOther), null),

        ["POST /catalog/"] = (Roles(Who.Admin, Who.IssuerOwn), w => Offering(w)),
        ["GET /catalog/"] = (AnyKey, null),
        ["GET /catalog/{id:guid}"] = (AnyKey, null),
        ["PUT /catalog/{id:guid}"] = (IssuerOf, w => Offering(w)),
        ["DELETE /catalog/{id:guid}"] = (IssuerOf, null),

        ["POST /issuers/"] = (Roles(Who.Admin), _ => new { issuerUri = $"https://matrix-{Guid.NewGuid():N}.test", name = "Matrix issuer" }),
        ["GET /issuers/"] = (AnyKey, null),
        ["GET /issuers/{id:guid}"] = (AnyKey, null),
        ["PUT /issuers/{id:guid}"] = (Roles(Who.Admin), w => new { issuerUri = w.IssuerUri, name = "Matrix issuer, renamed" }),
        ["DELETE /issuers/{id:guid}"] = (Roles(Who.Admin), null),

        ["POST /admin/keys"] = (Roles(Who.Admin), _ => new { role = "employer", subject = "matrix-employer", label = "matrix" }),
        ["GET /admin/keys"] = (Roles(Who.Admin), null),
        ["DELETE /admin/keys/{id:guid}"] = (Roles(Who.Admin), null),
        ["GET /admin/audit"] = (Roles(Who.Admin), null),

        // The assistant: any key; what each tool allows is the tool matrix's (ToolAccessMatrixTests). No model here: 503.
        ["POST /assistant/chat"] = (AnyKey, _ => new { message = "What are my matches?" }),
        ["GET /assistant/writes"] = (AnyKey, null),
        ["PUT /assistant/writes"] = (AnyKey, _ => new { enabled = false }),
        ["POST /mcp/"] = (AnyKey, _ => new { jsonrpc = "2.0", id = 1, method = "ping" }),
    };

    private static object ExperienceBody(AccessWorld world) => new { kind = "experience", title = "Records clerk", description = "Filed records." };

    private ApiFactory api = null!;

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync(); // extraction, search and the catalog resolve skills in the working taxonomy
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task Every_endpoint_answers_every_kind_of_caller_as_its_access_rule_says()
    {
        // The web app's pages, session routes and static files are checked by the browser tests (Web/), not here.
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<SkillsMatch.Web.WebEndpoint>() is null
                        && e.RoutePattern.RawText != "{**path:file}") // the static web assets' fallback, mapped by the web app
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Endpoint: e)))
            .ToList();
        var mapped = endpoints.Select(e => Key(e.Method, e.Endpoint)).ToHashSet();
        var unlisted = mapped.Except(Expected.Keys).Order().ToList();
        var stale = Expected.Keys.Except(mapped).Order().ToList();
        Assert.True(unlisted.Count + stale.Count == 0,
            $"Endpoints without a row in the access matrix (say who may call them): {string.Join("; ", unlisted)}. Rows for endpoints no longer mapped: {string.Join("; ", stale)}");

        var failures = new List<string>();
        var answered = new Dictionary<string, SortedSet<int>>();
        foreach (var (method, endpoint) in endpoints)
        {
            var key = Key(method, endpoint);
            var (rule, body) = Expected[key];
            var world = await AccessWorld.CreateAsync(api);
            var path = Fill(endpoint.RoutePattern, world);
            // Refusals first, then the callers that get through (the learner before the admin), so a DELETE that
            // succeeds comes last and every earlier caller saw the resource.
            foreach (var who in AccessWorld.Order)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (body is not null) request.Content = JsonContent.Create(body(world));
                using var response = await world.Client(who).SendAsync(request);
                if ((int)response.StatusCode >= 400)
                {
                    if (!answered.TryGetValue(key, out var statuses)) answered[key] = statuses = [];
                    statuses.Add((int)response.StatusCode);
                }
                var got = Classify(response.StatusCode);
                var expected = rule.For(who);
                if (got != expected)
                    failures.Add($"{key} as {who}: expected {expected}, got {(int)response.StatusCode} {await Snippet(response)}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches:\n" + string.Join("\n", failures));
        output.WriteLine($"access matrix: {endpoints.Count} endpoints × {AccessWorld.Order.Count} kinds of caller = {endpoints.Count * AccessWorld.Order.Count} requests");

        // Every error status an endpoint actually answered above is one its OpenAPI operation declares.
        var declared = await DeclaredAsync();
        var undeclared = answered
            .Where(a => declared.For(a.Key.Split(' ')[0], a.Key.Split(' ')[1]) is { } responses && a.Value.Any(s => !responses.ContainsKey(s)))
            .Select(a => $"{a.Key} answered {string.Join(", ", a.Value)} but declares {string.Join(", ", declared.For(a.Key.Split(' ')[0], a.Key.Split(' ')[1])!.Keys.Order())}")
            .ToList();
        Assert.True(undeclared.Count == 0, "Error statuses answered but not in /openapi/v1.json:\n" + string.Join("\n", undeclared));
    }

    /// <summary>
    /// /openapi/v1.json against the matrix: every operation has a row; an operation declares 401 and 403 where its rule
    /// refuses some caller that way, 400 and 413 when it takes a body, 429 (the global rate limiter) and 503 (the
    /// database, for all but the liveness probe); and every declared error is a ProblemDetails.
    /// </summary>
    [Fact]
    public async Task OpenApi_declares_each_endpoints_error_responses_as_problem_details()
    {
        var declared = await DeclaredAsync();
        var rows = Expected.Keys.ToDictionary(k => DeclaredErrorResponses.Key(k.Split(' ')[0], k.Split(' ')[1]));
        var failures = declared.Operations.Where(o => !rows.ContainsKey(o)).Select(o => $"{o}: in the document but not in the access matrix").ToList();
        foreach (var (operation, row) in rows)
        {
            var (method, route) = (row.Split(' ')[0], row.Split(' ')[1]);
            if (declared.For(method, route) is not { } responses) continue; // excluded from the description (/, /openapi, /docs)
            var (rule, body) = Expected[row];
            var outcomes = AccessWorld.Order.Select(rule.For).ToHashSet();
            var required = new List<int> { 429 };
            if (operation != "GET /health/live") required.Add(503);
            if (outcomes.Contains(Outcome.Unauthorized)) required.Add(401);
            if (outcomes.Contains(Outcome.Forbidden)) required.Add(403);
            if (body is not null) required.AddRange([400, 413]);
            failures.AddRange(required.Where(s => !responses.ContainsKey(s)).Select(s => $"{operation}: does not declare {s}"));
            failures.AddRange(responses.Where(r => !r.Value).Select(r => $"{operation}: {r.Key} is not described as application/problem+json ProblemDetails"));
        }
        Assert.True(failures.Count == 0, $"{failures.Count} problems:\n" + string.Join("\n", failures));
    }

    private async Task<DeclaredErrorResponses> DeclaredAsync()
    {
        using var client = api.CreateClient();
        return DeclaredErrorResponses.Read(await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json"));
    }

    /// <summary>
    /// Issue 15, isolation: every route that names a sub-resource of a learner (experience, credential, grant) is tried by
    /// every kind of caller with the world's learner in the learner slot and <em>another</em> learner's sub-resource id
    /// (and once more under a learner id that does not exist). The answer is 401, 403 or 404, never a success, and a
    /// checksum of the other learner's rows is unchanged.
    /// </summary>
    [Fact]
    public async Task Another_learners_sub_resource_ids_reach_nothing_whoever_asks()
    {
        var routes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/learners/", StringComparison.Ordinal)
                        && e.RoutePattern.Parameters.Any(p => p.Name is "experienceId" or "credentialId" or "practitioner"))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Endpoint: e)))
            .ToList();
        Assert.True(routes.Count >= 6, $"expected the experience, credential and grant routes, found {routes.Count}");
        var world = await AccessWorld.CreateAsync(api);
        var before = await world.OtherChecksumAsync();
        var failures = new List<string>();
        var tried = 0;
        foreach (var (method, endpoint) in routes)
            foreach (var learnerSlot in new[] { world.Learner, Guid.NewGuid() })
                foreach (var who in AccessWorld.Order)
                {
                    var path = FillOther(endpoint.RoutePattern, world, learnerSlot);
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (Expected[Key(method, endpoint)].Body is { } body) request.Content = JsonContent.Create(body(world));
                    using var response = await world.Client(who).SendAsync(request);
                    tried++;
                    if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                        failures.Add($"{method} {path} as {who}: {(int)response.StatusCode} {await Snippet(response)}");
                }
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} reached another learner's sub-resource:\n" + string.Join("\n", failures));
        Assert.Equal(before, await world.OtherChecksumAsync());
        Assert.Equal(routes.Count * 2 * AccessWorld.Order.Count, tried);
        output.WriteLine($"sub-resource isolation: {routes.Count} routes × 2 learner slots × {AccessWorld.Order.Count} kinds of caller = {tried} requests");
    }

    private static string FillOther(RoutePattern pattern, AccessWorld world, Guid learnerSlot) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternSeparatorPart s => s.Content,
            RoutePatternParameterPart { Name: "id" or "learnerId" } => learnerSlot.ToString(),
            RoutePatternParameterPart p => Uri.EscapeDataString(world.OtherSubResource(p.Name)),
            _ => "",
        }))));

    private static string Key(string method, RouteEndpoint endpoint) => $"{method} {endpoint.RoutePattern.RawText}";

    private static Outcome Classify(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => Outcome.Unauthorized,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        _ => Outcome.Allowed,
    };

    private static object Offering(AccessWorld world) => new
    {
        externalId = "matrix-" + Guid.NewGuid().ToString("N")[..10], title = "Matrix course", provider = "Matrix College",
        issuerUri = world.IssuerUri, format = "online", language = "en", skills = new[] { "sql" },
    };

    /// <summary>The path with every route parameter filled from the world (ids that may not exist are random: 404 is a pass).</summary>
    private static string Fill(RoutePattern pattern, AccessWorld world)
    {
        var first = pattern.PathSegments.Count > 0 && pattern.PathSegments[0].Parts[0] is RoutePatternLiteralPart literal ? literal.Content : "";
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternSeparatorPart s => s.Content,
            RoutePatternParameterPart p => Uri.EscapeDataString(world.ValueFor(first, p.Name)),
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    private static async Task<string> Snippet(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length <= 160 ? text : text[..160] + "…";
    }
}
