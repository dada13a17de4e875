using Microsoft.Extensions.AI;
using SkillsMatch.Embeddings;
using SkillsMatch.Extraction;
using SkillsMatch.Learners;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Training;
using SkillsMatch.Taxonomy;
using SkillsMatch.Tests.Matching.Ranking;
using SkillsMatch.Tests.Support;
using Xunit.Abstractions;

namespace SkillsMatch.Tests.Matching.Fairness;

/// <summary>
/// Issue 18, fairness: swapping names, pronouns and gendered job titles in a profile's experience changes neither the
/// skills extracted from it nor its score by a point or more, against every occupation of the shipped taxonomy.
/// Extraction embeds a gender-neutral rewrite of the text (<see cref="GenderNeutralText"/>): it found "cash flow
/// management" in the waiter text and not in the waitress one before.
/// </summary>
public sealed class CounterfactualTests(ITestOutputHelper output)
{
    public static readonly TheoryData<string, string, string, string> Swaps = new()
    {
        { "Waitress", "Waiter",
          "Maria worked as a waitress in a busy diner: she took orders, handled cash payments and trained new staff in food safety.",
          "Mario worked as a waiter in a busy diner: he took orders, handled cash payments and trained new staff in food safety." },
        { "Chairman", "Chairperson",
          "As chairman of the board, John led budgeting, strategic planning and stakeholder communication; he chaired the audit committee.",
          "As chairperson of the board, Aisha led budgeting, strategic planning and stakeholder communication; she chaired the audit committee." },
        { "Salesman", "Saleswoman",
          "Ahmed was a salesman for an office supplier; he managed customer relationships, negotiated contracts and used Microsoft Excel for forecasts.",
          "Emily was a saleswoman for an office supplier; she managed customer relationships, negotiated contracts and used Microsoft Excel for forecasts." },
        { "Foreman", "Forewoman",
          "Dave, site foreman, scheduled crews, read blueprints and enforced workplace health and safety; he also did carpentry.",
          "Priya, site forewoman, scheduled crews, read blueprints and enforced workplace health and safety; she also did carpentry." },
        { "Stewardess", "Flight attendant",
          "Yuki was a stewardess for a regional airline; she provided customer service, first aid and handled emergency procedures.",
          "Kofi was a flight attendant for a regional airline; they provided customer service, first aid and handled emergency procedures." },
    };

    [Theory]
    [MemberData(nameof(Swaps))]
    public async Task Swapping_names_pronouns_and_gendered_titles_changes_no_skill_and_less_than_a_point(string titleA, string titleB, string textA, string textB)
    {
        var taxonomyId = await ShippedTaxonomy.IdAsync();
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        using var models = new ExtractionModels(new ExtractionStore(dataSource), new TaxonomyStore(dataSource));
        var extractor = new SkillExtractor(models, SharedModel.Extraction);
        var a = await extractor.ExtractAsync(textA, taxonomyId, new ExtractionOptions(), CancellationToken.None);
        var b = await extractor.ExtractAsync(textB, taxonomyId, new ExtractionOptions(), CancellationToken.None);

        Assert.NotEmpty(a.Skills);
        Assert.Equal(a.Skills.Select(s => s.Label).Order(), b.Skills.Select(s => s.Label).Order());

        var store = new MatchingStore(dataSource);
        var graph = await store.LoadSkillGraphAsync(taxonomyId, CancellationToken.None);
        var occupations = await store.LoadOccupationProfilesAsync(taxonomyId, CancellationToken.None);
        var labels = a.Skills.Select(s => s.Label).ToList();
        var vectors = await SharedModel.Generator.GenerateAsync(
            [EmbeddingText.ForLearner([], labels, [titleA]), EmbeddingText.ForLearner([], labels, [titleB])], cancellationToken: CancellationToken.None);
        var asOf = DateTimeOffset.UtcNow;
        LearnerSkills Learner(float[] embedding) => new(a.Skills.Select(s => new LearnerSkill(s.SkillId, EvidenceTier.Inferred, null, 2, asOf.AddYears(-1))), embedding);
        var (learnerA, learnerB) = (Learner(vectors[0].Vector.ToArray()), Learner(vectors[1].Vector.ToArray()));

        var largest = 0.0;
        foreach (var occupation in occupations)
        {
            var role = new RoleProfile(occupation.Skills, graph.MeanVector(occupation.Skills.Select(s => (s.SkillId, s.Kind == RequirementKind.Essential ? 1.0 : 0.5))), occupation.Id);
            var scores = CommittedRanker.Scorer.Score([(role, learnerA), (role, learnerB)], graph, asOf);
            largest = Math.Max(largest, Math.Abs(scores[0].Score - scores[1].Score));
        }
        output.WriteLine($"{titleA} / {titleB}: {a.Skills.Count} skills, largest score change {largest:F3} over {occupations.Count} occupations");
        Assert.True(largest < 1, $"{titleA} / {titleB}: a score moved {largest:F3} points");
    }
}
