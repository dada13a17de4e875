using System.Text;

namespace SkillsMatch.Taxonomy.Importers;

/// <summary>
/// One published file read as a table: a header row names the columns, each later record must have as many
/// fields as the header, and every problem is reported with the file name and the record's first line.
/// </summary>
internal sealed class PublishedTable : IDisposable
{
    private readonly DelimitedReader reader;
    private readonly Dictionary<string, int> columns;
    private readonly int width;
    private readonly bool shortRows;

    private PublishedTable(string file, DelimitedReader reader, Dictionary<string, int> columns, int width, bool shortRows)
    {
        File = file;
        this.reader = reader;
        this.columns = columns;
        this.width = width;
        this.shortRows = shortRows;
    }

    public string File { get; }

    public int Line => reader.Line;

    public long Rows { get; private set; }

    public static async Task<PublishedTable> OpenAsync(
        PublishedFiles files, string file, char delimiter, bool quoting, IReadOnlyList<string> required, CancellationToken ct,
        bool shortRows = false)
    {
        var text = new StreamReader(files.OpenStream(file), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var reader = new DelimitedReader(text, file, delimiter, quoting);
        try
        {
            if (!await reader.ReadAsync(ct)) throw new TaxonomyFormatException(file, 1, "file is empty; expected a header row");
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < reader.Fields.Count; i++) columns.TryAdd(reader.Fields[i].Trim(), i);
            foreach (var name in required)
                if (!columns.ContainsKey(name)) throw new TaxonomyFormatException(file, reader.Line, $"header has no '{name}' column");
            return new PublishedTable(file, reader, columns, reader.Fields.Count, shortRows);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The column's index, or -1 for an optional column this file does not have.</summary>
    public int Column(string name) => columns.GetValueOrDefault(name, -1);

    /// <summary>A cell, trimmed; an absent optional column (or a cell a short row leaves out) reads as empty.</summary>
    public string this[int column] => Raw(column).Trim();

    /// <summary>A cell exactly as published (multi-valued ESCO cells keep their line breaks).</summary>
    public string Raw(int column) => column < 0 || column >= reader.Fields.Count ? "" : reader.Fields[column];

    /// <summary>Next record; with shortRows a record may leave out trailing empty cells.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct)) return false;
        if (reader.Fields.Count > width || (reader.Fields.Count < width && !shortRows))
            throw Error($"expected {width} columns as in the header, found {reader.Fields.Count}");
        Rows++;
        return true;
    }

    /// <summary>A required cell: empty is a format error naming the column.</summary>
    public string Required(int column, string name)
    {
        var value = this[column];
        return value.Length > 0 ? value : throw Error($"empty {name}");
    }

    public TaxonomyFormatException Error(string reason) => new(File, Line, reason);

    public void Dispose() => reader.Dispose();
}
