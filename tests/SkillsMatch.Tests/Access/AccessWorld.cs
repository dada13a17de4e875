using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Access;

/// <summary>
/// What one row of the access matrix needs, written straight to the test database: a learner (on one practitioner's
/// caseload) and another learner, a posting, an issuer with a catalog offering, and a key for every kind of caller.
/// </summary>
public sealed class AccessWorld
{
    /// <summary>Refusals first, then the callers that get through; the learner before the admin.</summary>
    public static readonly IReadOnlyList<Who> Order = Enum.GetValues<Who>();

    private readonly Dictionary<Who, HttpClient> clients = [];
    private readonly Dictionary<Who, CreatedApiKey> keys = [];

    public Guid Learner { get; private init; }
    public Guid Posting { get; private init; }
    public Guid Offering { get; private init; }
    public Guid Issuer { get; private init; }
    public string IssuerUri { get; private init; } = "";
    public string PractitionerSubject { get; private init; } = "";
    public Guid SpareKey { get; private init; }

    /// <summary>Another learner, with an experience, a credential (both with evidence) and a practitioner grant of her own.</summary>
    public Guid Other { get; private init; }
    public Guid OtherExperience { get; private init; }
    public Guid OtherCredential { get; private init; }
    public string OtherPractitioner { get; private init; } = "";

    public HttpClient Client(Who who) => clients[who];

    /// <summary>The key a kind of caller sends (none for <see cref="Who.NoKey"/>).</summary>
    public CreatedApiKey Key(Who who) => keys[who];

    public static async Task<AccessWorld> CreateAsync(ApiFactory api)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var learner = await TestLearners.CreateAsync("Matrix " + tag);
        var other = await TestLearners.CreateAsync("Matrix other " + tag);
        var issuerUri = $"https://issuer-{tag}.test";
        var employer = await api.CreateKeyAsync(Role.Employer);
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        var ids = await conn.QuerySingleAsync<(Guid Posting, Guid Issuer, Guid Offering)>("""
            WITH posting AS (
                INSERT INTO job_postings (external_id, title, description, source, owner)
                VALUES ('matrix:' || @tag, 'Matrix clerk', 'Files records.', '{}', @employer) RETURNING id
            ), issuer AS (
                INSERT INTO issuers (issuer_uri, name) VALUES (@issuerUri, 'Matrix issuer') RETURNING id
            ), offering AS (
                INSERT INTO catalog_offerings (external_id, title, provider, issuer_uri, format, language)
                VALUES ('matrix-' || @tag, 'Matrix course', 'Matrix College', @issuerUri, 'online', 'en') RETURNING id
            )
            SELECT (SELECT id FROM posting), (SELECT id FROM issuer), (SELECT id FROM offering)
            """, new { tag, issuerUri, employer = employer.Key.Subject });

        var practitioner = await api.CreateKeyAsync(Role.Practitioner);
        await conn.ExecuteAsync("INSERT INTO practitioner_caseload (practitioner, learner_id) VALUES (@subject, @learner)",
            new { subject = practitioner.Key.Subject, learner });
        // The other learner's own sub-resources, for the isolation column: an experience and a credential, each with
        // evidence, and a practitioner grant.
        var otherPractitioner = "test-practitioner-other-" + tag;
        var others = await conn.QuerySingleAsync<(Guid Experience, Guid Credential)>("""
            WITH experience AS (
                INSERT INTO learner_experiences (learner_id, kind, title, description) VALUES (@other, 'experience', 'Analyst', 'SQL') RETURNING id
            ), credential AS (
                INSERT INTO learner_credentials (learner_id, format, container, media_type, content, content_sha256, issuer_uri, verdict,
                    signature_valid, key_bound, issuer_trusted, status, verified, verified_at, next_check_at, claim_key, holder_bound)
                VALUES (@other, 'vc-jwt', 'text', 'application/jwt', '\x01', sha256(@tag::bytea), @issuerUri, '{}',
                    true, true, false, 'active', false, now(), now() + interval '30 days', @issuerUri || ' ' || @tag, true) RETURNING id
            )
            SELECT (SELECT id FROM experience), (SELECT id FROM credential)
            """, new { other, tag, issuerUri });
        await conn.ExecuteAsync("""
            INSERT INTO learner_skill_evidence (learner_id, skill_id, tier, source, experience_id)
            SELECT @other, id, 2, 'experience', @experience FROM skills ORDER BY id LIMIT 3;
            INSERT INTO learner_skill_evidence (learner_id, skill_id, tier, source, credential_id)
            SELECT @other, id, 3, 'credential-alignment', @credential FROM skills ORDER BY id LIMIT 3;
            INSERT INTO practitioner_caseload (practitioner, learner_id) VALUES (@otherPractitioner, @other);
            """, new { other, others.Experience, others.Credential, otherPractitioner });
        var revoked = await api.CreateKeyAsync(Role.Admin);
        await api.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(revoked.Key.Id);
        var world = new AccessWorld
        {
            Learner = learner, Posting = ids.Posting, Offering = ids.Offering, Issuer = ids.Issuer, IssuerUri = issuerUri,
            PractitionerSubject = practitioner.Key.Subject!, SpareKey = (await api.CreateKeyAsync(Role.Employer)).Key.Id,
            Other = other, OtherExperience = others.Experience, OtherCredential = others.Credential, OtherPractitioner = otherPractitioner,
        };
        world.clients[Who.NoKey] = api.CreateClient();
        world.Add(api, Who.RevokedKey, revoked);
        world.Add(api, Who.Admin, await api.CreateKeyAsync(Role.Admin));
        world.Add(api, Who.PractitionerCaseload, practitioner);
        world.Add(api, Who.PractitionerOther, await api.CreateKeyAsync(Role.Practitioner));
        world.Add(api, Who.Employer, employer);
        world.Add(api, Who.EmployerOther, await api.CreateKeyAsync(Role.Employer));
        world.Add(api, Who.LearnerOwn, await api.CreateKeyAsync(Role.Learner, learner));
        world.Add(api, Who.LearnerOther, await api.CreateKeyAsync(Role.Learner, other));
        world.Add(api, Who.IssuerOwn, await api.CreateKeyAsync(Role.Issuer, subject: issuerUri));
        world.Add(api, Who.IssuerOther, await api.CreateKeyAsync(Role.Issuer));
        return world;
    }

    /// <summary>The other learner's sub-resource named by a route parameter.</summary>
    public string OtherSubResource(string parameter) => parameter switch
    {
        "experienceId" => OtherExperience.ToString(),
        "credentialId" => OtherCredential.ToString(),
        "practitioner" => OtherPractitioner,
        _ => throw new InvalidOperationException($"no sub-resource of the other learner for {{{parameter}}}: add one to AccessWorld.OtherSubResource"),
    };

    /// <summary>Everything stored about the other learner, as one checksum.</summary>
    public async Task<string> OtherChecksumAsync()
    {
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<string>("""
            SELECT md5(concat_ws('|',
                (SELECT l::text FROM learners l WHERE id = @Other),
                (SELECT string_agg(e::text, ',' ORDER BY e.id) FROM learner_experiences e WHERE learner_id = @Other),
                (SELECT string_agg(e::text, ',' ORDER BY e.id) FROM learner_skill_evidence e WHERE learner_id = @Other),
                (SELECT string_agg(c::text, ',' ORDER BY c.id) FROM learner_credentials c WHERE learner_id = @Other),
                (SELECT string_agg(p::text, ',' ORDER BY p.practitioner) FROM practitioner_caseload p WHERE learner_id = @Other)))
            """, this) ?? "";
    }

    private void Add(ApiFactory api, Who who, CreatedApiKey key)
    {
        keys[who] = key;
        clients[who] = api.ClientWith(key.Secret);
    }

    /// <summary>A route parameter's value: the world's resource for the route's first segment; random ids where a 404 is fine.</summary>
    public string ValueFor(string firstSegment, string parameter) => (firstSegment, parameter) switch
    {
        ("learners", "id" or "learnerId") => Learner.ToString(),
        ("learners", "practitioner") => PractitionerSubject,
        ("learners", _) => Guid.NewGuid().ToString(), // experience or credential ids: 404 is a pass
        ("jobs", "id") => Posting.ToString(),
        ("jobs", "learnerId") => Learner.ToString(),
        ("catalog", "id") => Offering.ToString(),
        ("issuers", "id") => Issuer.ToString(),
        ("admin", "id") => SpareKey.ToString(),
        ("admin", "organisation") => "matrix-organisation",
        ("equity-programs", "program") => "matrix-program",
        ("skills" or "occupations", "id") => "1",
        ("openapi", "documentName") or ("docs", "documentName") => "v1",
        _ => throw new InvalidOperationException($"no value for {{{parameter}}} under /{firstSegment}: add one to AccessWorld.ValueFor"),
    };
}
