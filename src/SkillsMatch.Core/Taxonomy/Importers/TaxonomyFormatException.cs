namespace SkillsMatch.Taxonomy.Importers;

/// <summary>A taxonomy file that cannot be read as published: says which file, which line and why.</summary>
public sealed class TaxonomyFormatException(string file, int line, string reason)
    : Exception($"{file}:{line}: {reason}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}
