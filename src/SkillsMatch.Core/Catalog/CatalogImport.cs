using SkillsMatch.Taxonomy;

namespace SkillsMatch.Catalog;

/// <summary>
/// Imports a catalog file: every row is checked (bad rows are reported by line and skipped), the good ones are
/// stored together in one transaction by binary COPY; a row whose external id exists updates that offering.
/// </summary>
public sealed class CatalogImport(CatalogChecks checks, CatalogStore store)
{
    private const int BatchSize = 200;

    public async Task<CatalogImportResult> RunAsync(string path, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var file = await CatalogFile.ReadAsync(path, ct);
        var errors = new List<CatalogRowError>(file.Errors);
        var good = new List<PreparedOffering>(file.Rows.Count);
        const string stage = "Checking offerings and their skills";
        progress?.Report(new ImportProgress(stage, 0, file.Rows.Count));
        for (var start = 0; start < file.Rows.Count; start += BatchSize)
        {
            var batch = file.Rows.Skip(start).Take(BatchSize).ToList();
            var prepared = await checks.PrepareManyAsync(batch.Select(r => r.Input).ToList(), ct);
            for (var i = 0; i < batch.Count; i++)
            {
                if (prepared[i].Offering is { } offering) good.Add(offering with { IsDemo = batch[i].IsDemo });
                else errors.Add(new CatalogRowError(batch[i].Line, prepared[i].Errors.ToString()));
            }
            progress?.Report(new ImportProgress(stage, start + batch.Count, file.Rows.Count));
        }

        progress?.Report(new ImportProgress("Storing", 0, null));
        var saved = good.Count == 0 ? [] : await store.SaveAsync(good, ct);
        progress?.Report(new ImportProgress("Storing", good.Count, good.Count));
        return new CatalogImportResult(file.Rows.Count + file.Errors.Count, saved.Count(s => s.Inserted), saved.Count(s => !s.Inserted),
            errors.OrderBy(e => e.Line).ToList());
    }
}

/// <param name="Rows">Rows read, good and bad.</param>
public sealed record CatalogImportResult(int Rows, int Inserted, int Updated, IReadOnlyList<CatalogRowError> Errors);
