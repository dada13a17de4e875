namespace SkillsMatch.Taxonomy.Importers;

/// <summary>One row of a tab-separated file: its 1-based line number and its cells.</summary>
public sealed record TsvRow(int Line, string[] Cells)
{
    public string this[int column] => Cells[column].Trim();

    public IReadOnlyList<string> List(int column) =>
        Cells[column].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Reads the shipped taxonomy's TSV files: header row required, '#' comments and blank lines skipped.</summary>
public static class TsvFile
{
    public static IEnumerable<TsvRow> Read(string path, IReadOnlyList<string> header, ICollection<TaxonomyProblem> problems)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            problems.Add(new TaxonomyProblem(name, 0, "file is missing"));
            yield break;
        }
        var lineNumber = 0;
        var sawHeader = false;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (!sawHeader)
            {
                sawHeader = true;
                if (!cells.Select(c => c.Trim()).SequenceEqual(header))
                {
                    problems.Add(new TaxonomyProblem(name, lineNumber, $"header must be: {string.Join(" | ", header)}"));
                    yield break;
                }
                continue;
            }
            if (cells.Length != header.Count)
            {
                problems.Add(new TaxonomyProblem(name, lineNumber, $"expected {header.Count} tab-separated columns, found {cells.Length}"));
                continue;
            }
            yield return new TsvRow(lineNumber, cells);
        }
        if (!sawHeader) problems.Add(new TaxonomyProblem(name, lineNumber, "file has no header row"));
    }
}

/// <summary>What is wrong with a taxonomy file, and where.</summary>
public sealed record TaxonomyProblem(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
