using Dapper;
using SkillsMatch.Matching.Retrieval;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Matching.Retrieval;

public sealed class MatchRetrievalTests
{
    [Fact]
    public async Task The_overlap_branch_counts_again_in_full_when_filters_reject_every_count_it_kept()
    {
        await ShippedTaxonomy.IdAsync();
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();
        var skills = (await conn.QueryAsync<long>("SELECT id FROM skills ORDER BY id LIMIT 2")).ToArray();
        var region = "ZZ-" + Guid.NewGuid().ToString("N")[..8];

        async Task<Guid> LearnerAsync(string learnerRegion, long[] held)
        {
            var id = await conn.ExecuteScalarAsync<Guid>("""
                INSERT INTO learners (display_name, region, visible_to_employers, visible_parts)
                VALUES ('Retrieval test', @learnerRegion, true, '{skills}') RETURNING id
                """, new { learnerRegion });
            await conn.ExecuteAsync("""
                INSERT INTO learner_skill_evidence (learner_id, skill_id, tier, source) SELECT @id, skill, 1, 'self' FROM unnest(@held) AS skill
                """, new { id, held });
            return id;
        }
        // More learners elsewhere share both skills than the branch keeps for limit 1 (4 counts): all fail the region filter.
        for (var i = 0; i < MatchRetrieval.OverlapHeadroom + 1; i++) await LearnerAsync("CA-ON", skills);
        var inRegion = await LearnerAsync(region, [skills[0]]);

        var found = await new MatchRetrieval(dataSource).LearnersAsync(null, skills, new CandidateFilter(region, IncludeRemote: false), 1,
            (ids, _) => Task.FromResult<IReadOnlyDictionary<Guid, Guid>>(ids.ToDictionary(id => id)), CancellationToken.None);

        Assert.Equal([inRegion], found.Keys);
    }
}
