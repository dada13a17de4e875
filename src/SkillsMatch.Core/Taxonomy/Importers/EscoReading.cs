namespace SkillsMatch.Taxonomy.Importers;

/// <summary>
/// One read of the ESCO CSVs: the concept files first (skills, groups, occupations, collections), then the
/// relation files, which may only name concepts already seen. Columns are found by header name because the
/// collection files order them differently from each other.
/// </summary>
internal sealed partial class EscoReading(PublishedFiles files, TaxonomyImport import, IProgress<ImportProgress>? progress)
{
    private enum Kind { Skill, Group, Occupation, Elsewhere }

    /// <summary>Index points into the import's Skills, Groups or Occupations list; Uri is the one kept string.</summary>
    private readonly record struct Concept(Kind Kind, string Uri, int Index);

    private const int ProgressEvery = 10_000;

    private static readonly (string File, string Id, string Label)[] Collections =
    [
        ("digitalSkillsCollection_en.csv", "collection:digital", "Digital skills"),
        ("digCompSkillsCollection_en.csv", "collection:digcomp", "DigComp skills"),
        ("greenSkillsCollection_en.csv", "collection:green", "Green skills"),
        ("researchSkillsCollection_en.csv", "collection:research", "Research skills"),
        ("languageSkillsCollection_en.csv", "collection:language", "Language skills"),
        ("transversalSkillsCollection_en.csv", "collection:transversal", "Transversal skills"),
    ];

    private readonly Dictionary<string, Concept> concepts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> skips = new(StringComparer.Ordinal);

    private const string Undefined = "naming a concept ESCO mentions in a hierarchy file but does not define";

    public TaxonomyImport Import => import;

    public async Task ReadConceptsAsync(CancellationToken ct)
    {
        await ReadSkillsAsync(ct);
        await ReadGroupsAsync(ct);
        await ReadOccupationsAsync(ct);
        await ReadMentionsAsync("skillsHierarchy_en.csv", ["Level 0 URI", "Level 1 URI", "Level 2 URI", "Level 3 URI"], ct);
        await ReadMentionsAsync("broaderRelationsOccPillar.csv", ["conceptUri", "broaderUri"], ct);
        foreach (var (file, id, label) in Collections)
            if (files.Contains(file)) await ReadCollectionAsync(file, id, label, ct);
    }

    private async Task ReadSkillsAsync(CancellationToken ct)
    {
        using var t = await OpenAsync("skills_en.csv", ["conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "description"], ct);
        int uri = t.Column("conceptUri"), type = t.Column("skillType"), reuse = t.Column("reuseLevel"), label = t.Column("preferredLabel"),
            alt = t.Column("altLabels"), description = t.Column("description"), definition = t.Column("definition");
        while (await t.ReadAsync(ct))
        {
            var id = Define(t, uri, Kind.Skill, import.Skills.Count);
            var preferred = t.Required(label, "preferredLabel");
            var skillType = t[type] switch
            {
                "skill/competence" => SkillType.Skill,
                "knowledge" => SkillType.Knowledge,
                // v1.1.1 publishes six concepts without a type, five of them the DigComp competence areas.
                "" => SkillType.Skill,
                var other => throw t.Error($"unknown skillType '{other}' (expected skill/competence or knowledge)"),
            };
            ReuseLevel? reuseLevel = t[reuse].Length == 0 ? null
                : SkillKindNames.ParseReuseLevel(t[reuse]) ?? throw t.Error($"unknown reuseLevel '{t[reuse]}'");
            var text = NullIfEmpty(t[description]) ?? NullIfEmpty(t[definition]);
            import.Skills.Add(new SkillRecord(id, preferred, Labels(t.Raw(alt), preferred), text, skillType, reuseLevel));
            Tick(t);
        }
        Done(t);
    }

    private async Task ReadGroupsAsync(CancellationToken ct)
    {
        using var t = await OpenAsync("skillGroups_en.csv", ["conceptUri", "preferredLabel", "description"], ct);
        int uri = t.Column("conceptUri"), label = t.Column("preferredLabel"), description = t.Column("description");
        while (await t.ReadAsync(ct))
        {
            var id = Define(t, uri, Kind.Group, import.Groups.Count);
            import.Groups.Add(new SkillGroupRecord(id, t.Required(label, "preferredLabel"), NullIfEmpty(t[description]), SkillGroupKind.Group, null));
            Tick(t);
        }
        Done(t);
    }

    private async Task ReadOccupationsAsync(CancellationToken ct)
    {
        using var t = await OpenAsync("occupations_en.csv", ["conceptUri", "iscoGroup", "preferredLabel", "altLabels", "description"], ct);
        int uri = t.Column("conceptUri"), isco = t.Column("iscoGroup"), label = t.Column("preferredLabel"),
            alt = t.Column("altLabels"), description = t.Column("description"), code = t.Column("code");
        while (await t.ReadAsync(ct))
        {
            var id = Define(t, uri, Kind.Occupation, import.Occupations.Count);
            var title = t.Required(label, "preferredLabel");
            var iscoCode = t[isco];
            // ESCO attaches every occupation to an ISCO-08 unit group, which has a 4-digit code.
            if (iscoCode.Length > 0 && (iscoCode.Length != 4 || !iscoCode.All(char.IsAsciiDigit)))
                throw t.Error($"iscoGroup '{iscoCode}' is not a 4-digit ISCO-08 unit group");
            import.Occupations.Add(new OccupationRecord(id, title, Labels(t.Raw(alt), title), NullIfEmpty(t[description]),
                NullIfEmpty(iscoCode), null, null, null, code < 0 ? null : NullIfEmpty(t[code])));
            Tick(t);
        }
        Done(t);
    }

    /// <summary>Concepts a hierarchy file mentions without any concept file defining them (optional files).</summary>
    private async Task ReadMentionsAsync(string file, string[] columns, CancellationToken ct)
    {
        if (!files.Contains(file)) return;
        // skillsHierarchy_en.csv (v1.1.1) leaves out trailing empty cells, against RFC 4180 §2.4.
        progress?.Report(new ImportProgress($"Reading {file}", 0, null));
        using var t = await PublishedTable.OpenAsync(files, file, ',', quoting: true, columns, ct, shortRows: true);
        var indexes = columns.Select(t.Column).ToArray();
        while (await t.ReadAsync(ct))
        {
            foreach (var column in indexes)
                if (t[column] is { Length: > 0 } uri) concepts.TryAdd(uri, new Concept(Kind.Elsewhere, uri, -1));
            Tick(t);
        }
        Done(t);
    }

    private async Task ReadCollectionAsync(string file, string id, string label, CancellationToken ct)
    {
        using var t = await OpenAsync(file, ["conceptUri"], ct);
        var uri = t.Column("conceptUri");
        import.Groups.Add(new SkillGroupRecord(id, label, null, SkillGroupKind.Collection, null));
        var members = new HashSet<string>(StringComparer.Ordinal);
        while (await t.ReadAsync(ct))
        {
            var skill = Find(t, uri, "conceptUri");
            if (skill.Kind == Kind.Elsewhere) { Skip(Undefined); continue; }
            Expect(t, skill, Kind.Skill);
            if (!members.Add(skill.Uri)) continue;
            import.GroupMembers.Add(new GroupMemberRecord(id, skill.Uri));
            var record = import.Skills[skill.Index];
            if (id == "collection:language") import.Skills[skill.Index] = record with { Type = SkillType.Language };
            else if (id == "collection:transversal" && record.Type != SkillType.Language) import.Skills[skill.Index] = record with { Type = SkillType.Transversal };
            Tick(t);
        }
        Done(t);
    }

    private Task<PublishedTable> OpenAsync(string file, IReadOnlyList<string> required, CancellationToken ct)
    {
        progress?.Report(new ImportProgress($"Reading {file}", 0, null));
        return PublishedTable.OpenAsync(files, file, ',', quoting: true, required, ct);
    }

    private string Define(PublishedTable t, int column, Kind kind, int index)
    {
        var uri = t.Required(column, "conceptUri");
        if (!concepts.TryAdd(uri, new Concept(kind, uri, index)))
            throw t.Error($"'{uri}' is defined twice (already as {Name(concepts[uri].Kind)})");
        return uri;
    }

    /// <summary>A concept a relation names; one that no file defines or mentions is a format error.</summary>
    private Concept Find(PublishedTable t, int column, string name)
    {
        var uri = t.Required(column, name);
        return concepts.TryGetValue(uri, out var concept) ? concept : throw t.Error($"{name} '{uri}' is not defined in any ESCO file");
    }

    private static void Expect(PublishedTable t, Concept concept, Kind kind)
    {
        if (concept.Kind != kind)
            throw t.Error($"'{concept.Uri}' is {Name(concept.Kind)}, expected {Name(kind)}");
    }

    /// <summary>ESCO's multi-valued cells hold one value per line; the preferred label is not repeated as an alternative.</summary>
    private static string[] Labels(string cell, string preferred) => cell.Length == 0 ? [] :
        cell.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !string.Equals(l, preferred, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private void Tick(PublishedTable t)
    {
        if (t.Rows % ProgressEvery == 0) progress?.Report(new ImportProgress($"Reading {t.File}", t.Rows, null));
    }

    private void Skip(string reason) => skips[reason] = skips.GetValueOrDefault(reason) + 1;

    /// <summary>Reports the file's row count, then each kind of skipped row with how many there were.</summary>
    private void Done(PublishedTable t)
    {
        progress?.Report(new ImportProgress($"Reading {t.File}", t.Rows, t.Rows));
        foreach (var (reason, count) in skips)
            progress?.Report(new ImportProgress($"Skipped rows of {t.File} {reason}", count, t.Rows));
        skips.Clear();
    }
}
