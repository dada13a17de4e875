using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Access;
using SkillsMatch.Api.Assistant;
using SkillsMatch.Tests.Assistant;
using SkillsMatch.Tests.Learners;
using SkillsMatch.Tests.Support;
using static SkillsMatch.Tests.Access.AccessRule;

namespace SkillsMatch.Tests.Access;

/// <summary>
/// The access matrix for the assistant's tools: every tool (from <see cref="AssistantTools.All"/>, so a new tool without
/// a row fails) called over MCP by every kind of caller. Allowed → a result; not allowed → a tool error naming the
/// reason and carrying no data. A tool that does an endpoint's work must allow exactly who the endpoint allows.
/// </summary>
public sealed class ToolAccessMatrixTests : IAsyncLifetime
{
    private static readonly string[] Sql = ["sql"];

    /// <summary>tool → (who gets through, the endpoint row it must agree with, arguments).</summary>
    private static readonly Dictionary<string, (AccessRule Rule, string? Endpoint, Func<AccessWorld, Ids, object> Arguments)> Expected = new()
    {
        ["search_skills"] = (AnyKey, "GET /skills/", (_, _) => new { query = "sql" }),
        ["get_skill"] = (AnyKey, "GET /skills/{id:long}", (_, ids) => new { skillId = ids.Sql }),
        ["search_occupations"] = (AnyKey, "GET /occupations/", (_, _) => new { query = "analyst" }),
        ["get_occupation"] = (AnyKey, "GET /occupations/{id:long}", (_, ids) => new { occupationId = ids.Occupation }),
        ["extract_skills"] = (AnyKey, "POST /extract", (_, _) => new { text = "Writes SQL queries." }),
        ["classify_job_title"] = (AnyKey, "POST /occupations/classify", (_, _) => new { title = "data analyst" }),
        ["my_skills"] = (AccessRule.LearnerAccess, "GET /learners/{id:guid}/skills", (w, _) => new { learnerId = w.Learner }),
        ["my_matches"] = (AccessRule.LearnerAccess, "GET /learners/{id:guid}/matches", (w, _) => new { learnerId = w.Learner }),
        ["my_gaps"] = (AccessRule.LearnerAccess, "GET /learners/{id:guid}/gaps", (w, _) => new { learnerId = w.Learner, jobId = w.Posting }),
        ["get_posting"] = (AnyKey, "GET /jobs/{id:guid}", (w, _) => new { jobId = w.Posting }),
        ["candidates_for_posting"] = (Roles(Who.Admin, Who.Employer, Who.EmployerOther), "GET /jobs/{id:guid}/candidates", (w, _) => new { jobId = w.Posting }),
        ["search_candidates"] = (Roles(Who.Admin, Who.Employer, Who.EmployerOther), "POST /candidates/search", (_, _) => new { skills = Sql }),
        ["edit_posting_skills"] = (Roles(Who.Admin, Who.Employer), "PUT /jobs/{id:guid}/skills",
            (w, ids) => new { jobId = w.Posting, changes = new[] { new { skillId = ids.Sql, requirement = "required" } }, confirm = true }),
        ["close_posting"] = (Roles(Who.Admin, Who.Employer), "POST /jobs/{id:guid}/close", (w, _) => new { jobId = w.Posting, confirm = true }),
        ["my_caseload"] = (Roles(Who.PractitionerCaseload, Who.PractitionerOther), null, (_, _) => new { }),
        ["placement_options"] = (Roles(Who.Admin, Who.PractitionerCaseload), "POST /placements",
            (w, _) => new { learnerIds = new[] { w.Learner }, jobIds = new[] { w.Posting } }),
        ["record_outcome"] = (Roles(Who.Admin, Who.Employer, Who.PractitionerCaseload), "POST /outcomes",
            (w, _) => new { learnerId = w.Learner, jobId = w.Posting, stage = "interviewed", confirm = true }),
        ["my_credentials"] = (AccessRule.LearnerAccess, "GET /learners/{learnerId:guid}/credentials/", (w, _) => new { learnerId = w.Learner }),
        ["verify_credential"] = (AnyKey, null, (_, _) => new { credential = """{"type": ["VerifiableCredential"]}""" }),
    };

    /// <summary>The callers a tool can be asked by: anonymous and revoked keys never reach a tool (the 401 test).</summary>
    private static readonly Who[] Callers = [.. AccessWorld.Order.Where(w => w is not (Who.NoKey or Who.RevokedKey))];

    private ApiFactory api = null!;
    private Ids ids = null!;

    public sealed record Ids(long Sql, long Occupation);

    public async Task InitializeAsync()
    {
        var taxonomy = await ShippedTaxonomy.IdAsync();
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        ids = new Ids(await LearnerApiHost.SkillIdAsync("sql"),
            await conn.ExecuteScalarAsync<long>("SELECT min(id) FROM occupations WHERE taxonomy_id = @taxonomy", new { taxonomy }));
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public void Every_tool_has_a_row_and_allows_exactly_who_its_endpoint_allows()
    {
        var tools = AssistantTools.All.Select(t => t.Name).ToHashSet();
        Assert.Equal(tools.Order(), Expected.Keys.Order());
        foreach (var tool in AssistantTools.All)
        {
            var (rule, endpoint, _) = Expected[tool.Name];
            Assert.Equal(endpoint, tool.Access.Endpoint);
            if (endpoint is null) continue;
            var endpointRule = EndpointAccessMatrixTests.Expected[endpoint].Rule;
            foreach (var who in Callers)
                Assert.True(endpointRule.For(who) == rule.For(who), $"{tool.Name} as {who}: the tool says {rule.For(who)}, its endpoint {endpoint} says {endpointRule.For(who)}");
        }
    }

    [Fact]
    public async Task Every_tool_answers_every_kind_of_caller_as_its_access_rule_says()
    {
        var failures = new List<string>();
        foreach (var (tool, (rule, _, arguments)) in Expected)
        {
            // A fresh world per tool, so closing its posting does not disturb the next row; every key may write.
            var world = await AccessWorld.CreateAsync(api);
            var grants = api.Services.GetRequiredService<AssistantWriteGrants>();
            foreach (var who in Callers) await grants.SetAsync(world.Key(who).Key.Id, true);
            // An employer records outcomes only for candidates who share their skills with employers: this row's learner does.
            if (tool == "record_outcome") await ShareSkillsWithEmployersAsync(world.Learner);
            foreach (var who in Callers)
            {
                await using var client = await McpConnection.ConnectAsync(api, world.Key(who).Secret);
                var listed = (await client.ListToolsAsync()).Any(t => t.Name == tool);
                var result = await client.CallAsync(tool, arguments(world, ids));
                var allowed = rule.For(who) == Outcome.Allowed;
                var text = result.Text();
                if (allowed && result.IsError == true) failures.Add($"{tool} as {who}: expected a result, got the error '{text}'");
                if (!allowed && result.IsError != true) failures.Add($"{tool} as {who}: expected a refusal, got a result: {Snippet(text)}");
                // The world's learners, posting and issuer are all named "Matrix …"; ids the caller sent may be echoed, as the API does.
                if (!allowed && result.IsError == true && (text.Contains("Matrix", StringComparison.Ordinal) || text.Length > 400))
                    failures.Add($"{tool} as {who}: the refusal carries data: {Snippet(text)}");
                if (!allowed && result.IsError == true && !Names_a_reason(text)) failures.Add($"{tool} as {who}: the refusal names no reason: '{text}'");
                // Listed for the roles the tool is for; the per-learner, ownership and caseload rules are decided per call.
                if (listed != RoleMayList(tool, who)) failures.Add($"{tool} as {who}: listed is {listed}, expected {!listed}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches:\n" + string.Join("\n", failures));
    }

    private static async Task ShareSkillsWithEmployersAsync(Guid learner)
    {
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE learners SET visible_to_employers = true, visible_parts = '{skills}' WHERE id = @learner", new { learner });
    }

    private static bool RoleMayList(string tool, Who who) => ListedFor[RoleOf(who)].Contains(tool);

    private static readonly string[] Everyone =
        ["search_skills", "get_skill", "search_occupations", "get_occupation", "extract_skills", "classify_job_title", "get_posting", "verify_credential"];

    private static readonly string[] LearnerTools = ["my_skills", "my_matches", "my_gaps", "my_credentials"];

    /// <summary>The tool list per role (tools that change data listed because the world's keys enabled them).</summary>
    internal static readonly Dictionary<Role, HashSet<string>> ListedFor = new()
    {
        [Role.Admin] = [.. Everyone, .. LearnerTools, "candidates_for_posting", "search_candidates", "edit_posting_skills", "close_posting", "placement_options", "record_outcome"],
        [Role.Practitioner] = [.. Everyone, .. LearnerTools, "my_caseload", "placement_options", "record_outcome"],
        [Role.Employer] = [.. Everyone, "candidates_for_posting", "search_candidates", "edit_posting_skills", "close_posting", "record_outcome"],
        [Role.Learner] = [.. Everyone, .. LearnerTools],
        [Role.Issuer] = [.. Everyone],
    };

    private static Role RoleOf(Who who) => who switch
    {
        Who.Admin => Role.Admin,
        Who.Employer or Who.EmployerOther => Role.Employer,
        Who.IssuerOwn or Who.IssuerOther => Role.Issuer,
        Who.LearnerOwn or Who.LearnerOther => Role.Learner,
        _ => Role.Practitioner,
    };

    /// <summary>A refusal says why: the rule it broke, in words a person reads.</summary>
    private static bool Names_a_reason(string text) => Reasons.Any(reason => text.Contains(reason, StringComparison.Ordinal));

    private static readonly string[] Reasons = ["keys", "not granted you access", "reaches only its own learner", "not on your caseload", "manages only", "only for its own organisation's postings"];

    private static string Snippet(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
