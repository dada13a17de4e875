using System.Globalization;

namespace SkillsMatch.Taxonomy.Importers;

/// <summary>One read of the O*NET text files; occupations first, since every other file refers to them by code.</summary>
internal sealed class OnetReading(PublishedFiles files, TaxonomyImport import, IProgress<ImportProgress>? progress)
{
    private const string Code = "O*NET-SOC Code";

    private sealed class Occupation(string code, string title, string? description)
    {
        public string Code { get; } = code;
        public string Title { get; } = title;
        public string? Description { get; } = description;
        public List<string> AltTitles { get; } = [];
    }

    private sealed class Rating
    {
        public float? Importance;
        public float? Level;
        public bool Excluded;
    }

    private readonly Dictionary<string, Occupation> occupations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> descriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> skills = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Occupation, string Element), Rating> ratings = [];
    private readonly Dictionary<(string Occupation, string Skill), int> links = [];
    private readonly HashSet<(string, string)> broader = [];

    public async Task ReadOccupationsAsync(CancellationToken ct)
    {
        using (var t = await OpenAsync("Occupation Data.txt", [Code, "Title", "Description"], ct))
        {
            int code = t.Column(Code), title = t.Column("Title"), description = t.Column("Description");
            while (await t.ReadAsync(ct))
            {
                var soc = t.Required(code, Code);
                // O*NET-SOC 2019 codes are the 6-digit SOC code plus a 2-digit O*NET extension: 15-1252.00.
                if (soc.Length != 10 || soc[2] != '-' || soc[7] != '.' || !soc.Remove(7, 1).Remove(2, 1).All(char.IsAsciiDigit))
                    throw t.Error($"O*NET-SOC Code '{soc}' does not look like 15-1252.00");
                if (!occupations.TryAdd(soc, new Occupation(soc, t.Required(title, "Title"), NullIfEmpty(t[description]))))
                    throw t.Error($"O*NET-SOC Code '{soc}' appears twice");
            }
            Done(t);
        }
        if (files.Contains("Alternate Titles.txt"))
        {
            using var t = await OpenAsync("Alternate Titles.txt", [Code, "Alternate Title"], ct);
            int code = t.Column(Code), alternate = t.Column("Alternate Title"), shortTitle = t.Column("Short Title");
            while (await t.ReadAsync(ct))
            {
                var occupation = FindOccupation(t, code);
                occupation.AltTitles.Add(t.Required(alternate, "Alternate Title"));
                // "n/a" is how the file says an occupation has no short title.
                if (t[shortTitle] is { Length: > 0 } abbreviation && abbreviation != "n/a") occupation.AltTitles.Add(abbreviation);
            }
            Done(t);
        }
    }

    /// <summary>Element descriptions for the skills, from the content model (optional file).</summary>
    public async Task ReadDescriptionsAsync(CancellationToken ct)
    {
        if (!files.Contains("Content Model Reference.txt")) return;
        using var t = await OpenAsync("Content Model Reference.txt", ["Element ID", "Description"], ct);
        int element = t.Column("Element ID"), description = t.Column("Description");
        while (await t.ReadAsync(ct))
            if (t[description] is { Length: > 0 } text) descriptions.TryAdd(t.Required(element, "Element ID"), text);
        Done(t);
    }

    /// <summary>Skills.txt and Knowledge.txt share one layout: one row per occupation, element and scale.</summary>
    public async Task ReadRatingsAsync(string file, SkillType type, CancellationToken ct)
    {
        if (!files.Contains(file)) return;
        using var t = await OpenAsync(file,
            [Code, "Element ID", "Element Name", "Scale ID", "Data Value", "Recommend Suppress", "Not Relevant"], ct);
        int code = t.Column(Code), id = t.Column("Element ID"), name = t.Column("Element Name"), scale = t.Column("Scale ID"),
            value = t.Column("Data Value"), suppress = t.Column("Recommend Suppress"), notRelevant = t.Column("Not Relevant");
        while (await t.ReadAsync(ct))
        {
            var occupation = FindOccupation(t, code);
            var element = t.Required(id, "Element ID");
            AddSkill(t, element, t.Required(name, "Element Name"), type, descriptions.GetValueOrDefault(element));
            var text = t.Required(value, "Data Value");
            if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                throw t.Error($"Data Value '{text}' is not a number");
            if (!ratings.TryGetValue((occupation.Code, element), out var rating))
                ratings.Add((occupation.Code, element), rating = new Rating());
            // Scales Reference: IM (importance) runs 1–5, LV (level) 0–7; the file carries no other scale.
            switch (t[scale])
            {
                case "IM" when number is < 1 or > 5: throw t.Error($"Data Value {text} is outside the IM scale (1–5)");
                case "LV" when number is < 0 or > 7: throw t.Error($"Data Value {text} is outside the LV scale (0–7)");
                case "IM" when rating.Importance is not null:
                case "LV" when rating.Level is not null: throw t.Error($"second {t[scale]} row for {occupation.Code} and {element}");
                case "IM": rating.Importance = number; break;
                case "LV": rating.Level = number; break;
                default: throw t.Error($"unknown Scale ID '{t[scale]}' (expected IM or LV)");
            }
            if (t[suppress] == "Y" || t[notRelevant] == "Y") rating.Excluded = true;
        }
        Done(t);
    }

    public async Task ReadTechnologyAsync(CancellationToken ct)
    {
        if (!files.Contains("Technology Skills.txt")) return;
        using var t = await OpenAsync("Technology Skills.txt", [Code, "Example", "Commodity Code", "Commodity Title"], ct);
        int code = t.Column(Code), example = t.Column("Example"), commodity = t.Column("Commodity Code"),
            commodityTitle = t.Column("Commodity Title"), inDemand = t.Column("In Demand");
        while (await t.ReadAsync(ct))
        {
            var occupation = FindOccupation(t, code);
            var product = t.Required(example, "Example");
            var unspsc = t.Required(commodity, "Commodity Code");
            if (!unspsc.All(char.IsAsciiDigit)) throw t.Error($"Commodity Code '{unspsc}' is not a UNSPSC code");
            var commodityId = AddSkill(t, "tech:" + unspsc, t.Required(commodityTitle, "Commodity Title"), SkillType.Tool, null);
            var exampleId = AddSkill(t, "tech-example:" + product, product, SkillType.Tool, null);
            if (broader.Add((exampleId, commodityId)))
                import.SkillRelations.Add(new SkillRelationRecord(exampleId, commodityId, SkillRelationKind.Broader));
            Link(occupation.Code, exampleId, t[inDemand] == "Y" ? SkillRequirement.Essential : SkillRequirement.Optional, null, null);
        }
        Done(t);
    }

    public TaxonomyImport Finish()
    {
        foreach (var o in occupations.Values)
        {
            var alt = o.AltTitles.Where(a => !string.Equals(a, o.Title, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase);
            import.Occupations.Add(new OccupationRecord(o.Code, o.Title, alt.ToArray(), o.Description, null, o.Code, null, null));
        }
        foreach (var ((occupation, element), r) in ratings)
        {
            if (r.Excluded || r.Importance is not { } importance || importance < 2.5f) continue;
            Link(occupation, element, importance >= 3.5f ? SkillRequirement.Essential : SkillRequirement.Optional, importance, r.Level);
        }
        return import;
    }

    private void Link(string occupation, string skill, SkillRequirement relation, float? importance, float? level)
    {
        if (links.TryGetValue((occupation, skill), out var at))
        {
            if (relation == SkillRequirement.Essential) import.OccupationSkills[at] = import.OccupationSkills[at] with { Relation = relation };
            return;
        }
        links.Add((occupation, skill), import.OccupationSkills.Count);
        import.OccupationSkills.Add(new OccupationSkillRecord(occupation, skill, relation, importance, level));
    }

    private string AddSkill(PublishedTable t, string id, string label, SkillType type, string? description)
    {
        if (skills.TryGetValue(id, out var at))
        {
            if (import.Skills[at].Type != type) throw t.Error($"element '{id}' is already a {import.Skills[at].Type.ToName()} element");
            return import.Skills[at].ExternalId;
        }
        skills.Add(id, import.Skills.Count);
        import.Skills.Add(new SkillRecord(id, label, [], description, type, null));
        return id;
    }

    private Occupation FindOccupation(PublishedTable t, int column)
    {
        var code = t.Required(column, Code);
        return occupations.TryGetValue(code, out var occupation) ? occupation
            : throw t.Error($"O*NET-SOC Code '{code}' is not in Occupation Data.txt");
    }

    private Task<PublishedTable> OpenAsync(string file, IReadOnlyList<string> required, CancellationToken ct)
    {
        progress?.Report(new ImportProgress($"Reading {file}", 0, null));
        return PublishedTable.OpenAsync(files, file, '\t', quoting: false, required, ct);
    }

    private void Done(PublishedTable t) => progress?.Report(new ImportProgress($"Reading {t.File}", t.Rows, t.Rows));

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
