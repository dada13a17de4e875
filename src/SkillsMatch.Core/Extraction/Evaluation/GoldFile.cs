using SkillsMatch.Taxonomy.Importers;

namespace SkillsMatch.Extraction.Evaluation;

/// <summary>A sentence and the taxonomy skills a person says it names (empty: it names none).</summary>
public sealed record GoldSentence(string Sentence, IReadOnlySet<long> Skills);

public sealed record GoldSet(IReadOnlyList<GoldSentence> Sentences, int Rows, int IgnoredLabels);

/// <summary>
/// Reads a gold CSV with columns <c>sentence,label</c> (more columns ignored; several rows per sentence).
/// A label is a skill's id, external id or preferred label; labels the taxonomy lacks are counted and
/// ignored (e.g. the benchmark's UNDERSPECIFIED and LABEL NOT PRESENT). An empty label keeps the sentence
/// with no gold skill, so what is found in it counts as a false positive.
/// </summary>
public static class GoldFile
{
    public static async Task<GoldSet> ReadAsync(string path, Func<string, long?> resolve, CancellationToken ct)
    {
        using var reader = new DelimitedReader(new StreamReader(path), Path.GetFileName(path), ',', quoting: true);
        if (!await reader.ReadAsync(ct)) throw new TaxonomyFormatException(Path.GetFileName(path), 1, "the file is empty");
        var header = reader.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var sentenceColumn = header.IndexOf("sentence");
        var labelColumn = header.IndexOf("label");
        if (sentenceColumn < 0 || labelColumn < 0)
            throw new TaxonomyFormatException(Path.GetFileName(path), reader.Line, "the header must have 'sentence' and 'label' columns");

        var sentences = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        var order = new List<string>();
        int rows = 0, ignored = 0;
        while (await reader.ReadAsync(ct))
        {
            if (reader.Fields.Count <= Math.Max(sentenceColumn, labelColumn))
                throw new TaxonomyFormatException(Path.GetFileName(path), reader.Line, $"expected at least {Math.Max(sentenceColumn, labelColumn) + 1} columns");
            rows++;
            var sentence = reader.Fields[sentenceColumn].Trim();
            if (sentence.Length == 0) continue;
            if (!sentences.TryGetValue(sentence, out var skills))
            {
                sentences[sentence] = skills = [];
                order.Add(sentence);
            }
            var label = reader.Fields[labelColumn].Trim();
            if (label.Length == 0) continue;
            if (resolve(label) is { } id) skills.Add(id);
            else ignored++;
        }
        return new GoldSet(order.Select(s => new GoldSentence(s, sentences[s])).ToList(), rows, ignored);
    }
}
