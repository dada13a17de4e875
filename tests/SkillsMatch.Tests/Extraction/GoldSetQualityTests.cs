using SkillsMatch.Extraction;
using SkillsMatch.Extraction.Evaluation;
using SkillsMatch.Taxonomy;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Extraction;

/// <summary>
/// Extraction quality on our own gold set (data/eval/skillsmatch-gold.csv, 246 sentences) must not regress.
/// Measured when set: F1 0.825 at the operating threshold, RP@5 93.9 (see the Extraction issue's note); since
/// the semantic stage embeds residue phrases instead of whole sentences, F1 0.844 (P 0.857, R 0.831), RP@5 94.4;
/// with the int8 model and loose aliases corroborated by their phrase, F1 0.853 (P 0.893, R 0.816), RP@5 94.3.
/// </summary>
public sealed class GoldSetQualityTests
{
    [Fact]
    public async Task F1_on_the_gold_set_stays_at_the_measured_level()
    {
        var taxonomyId = await ShippedTaxonomy.IdAsync();
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        using var models = new ExtractionModels(new ExtractionStore(dataSource), new TaxonomyStore(dataSource));
        var model = await models.ForTaxonomyAsync(taxonomyId, CancellationToken.None);
        var byExternalId = model.Skills.Values.ToDictionary(s => s.ExternalId, s => s.Id);
        var gold = await GoldFile.ReadAsync(ShippedTaxonomy.RepositoryFile("data", "eval", "skillsmatch-gold.csv"),
            label => byExternalId.TryGetValue(label, out var id) ? id : null, CancellationToken.None);
        var extractor = new SkillExtractor(models, SharedModel.Extraction);

        var evaluation = await LinkingEvaluation.RankAsync(extractor, taxonomyId, gold, lexicalOnly: false, CancellationToken.None);
        var report = evaluation.At(extractor.Calibration.Threshold);

        Assert.Equal(0, gold.IgnoredLabels);
        Assert.True(gold.Sentences.Count >= 150, $"only {gold.Sentences.Count} gold sentences");
        Assert.True(report.F1 >= 0.83, $"F1 fell to {report.F1:F3} (P {report.Precision:F3}, R {report.Recall:F3})");
        Assert.True(report.RPrecisionAt5 >= 90, $"RP@5 fell to {report.RPrecisionAt5:F1}");
    }
}
