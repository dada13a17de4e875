namespace SkillsMatch.Taxonomy.Importers;

internal sealed partial class EscoReading
{
    private const string SelfRelation = "relating a concept to itself";

    public async Task ReadRelationsAsync(CancellationToken ct)
    {
        await ReadBroaderAsync(ct);
        await ReadSkillSkillAsync(ct);
        await ReadOccupationSkillAsync(ct);
    }

    /// <summary>
    /// broaderRelationsSkillPillar.csv: skill→skill is the skill's parent, skill→group is membership,
    /// group→group is the group's parent. The type columns are not trusted; the concepts' own files decide.
    /// </summary>
    private async Task ReadBroaderAsync(CancellationToken ct)
    {
        using var t = await OpenAsync("broaderRelationsSkillPillar.csv", ["conceptUri", "broaderUri"], ct);
        int uri = t.Column("conceptUri"), broaderUri = t.Column("broaderUri");
        var relations = new HashSet<(string, string)>();
        var members = new HashSet<(string, string)>();
        while (await t.ReadAsync(ct))
        {
            var narrower = Find(t, uri, "conceptUri");
            var broader = Find(t, broaderUri, "broaderUri");
            Tick(t);
            if (narrower.Kind == Kind.Elsewhere || broader.Kind == Kind.Elsewhere) { Skip(Undefined); continue; }
            if (narrower.Uri == broader.Uri) { Skip(SelfRelation); continue; }
            switch (narrower.Kind, broader.Kind)
            {
                case (Kind.Skill, Kind.Skill):
                    if (relations.Add((narrower.Uri, broader.Uri)))
                        import.SkillRelations.Add(new SkillRelationRecord(narrower.Uri, broader.Uri, SkillRelationKind.Broader));
                    break;
                case (Kind.Skill, Kind.Group):
                    if (members.Add((broader.Uri, narrower.Uri)))
                        import.GroupMembers.Add(new GroupMemberRecord(broader.Uri, narrower.Uri));
                    break;
                case (Kind.Group, Kind.Group):
                    // A group record has one parent; v1.1.1 gives no group a second one, so the first is kept.
                    var group = import.Groups[narrower.Index];
                    if (group.ParentExternalId is null) import.Groups[narrower.Index] = group with { ParentExternalId = broader.Uri };
                    break;
                default:
                    throw t.Error($"{Name(narrower.Kind)} cannot have {Name(broader.Kind)} as its broader concept ('{broader.Uri}')");
            }
        }
        Done(t);
    }

    private async Task ReadSkillSkillAsync(CancellationToken ct)
    {
        using var t = await OpenAsync("skillSkillRelations.csv", ["originalSkillUri", "relationType", "relatedSkillUri"], ct);
        int original = t.Column("originalSkillUri"), type = t.Column("relationType"), related = t.Column("relatedSkillUri");
        var seen = new HashSet<(string, string, SkillRelationKind)>();
        while (await t.ReadAsync(ct))
        {
            var kind = t[type] switch
            {
                "essential" => SkillRelationKind.Essential,
                "optional" => SkillRelationKind.Optional,
                var other => throw t.Error($"unknown relationType '{other}' (expected essential or optional)"),
            };
            var skill = Find(t, original, "originalSkillUri");
            var target = Find(t, related, "relatedSkillUri");
            Tick(t);
            // v1.1.1 relates one skill to itself; the relation says nothing and storage forbids it.
            if (skill.Kind == Kind.Elsewhere || target.Kind == Kind.Elsewhere) { Skip(Undefined); continue; }
            if (skill.Uri == target.Uri) { Skip(SelfRelation); continue; }
            Expect(t, skill, Kind.Skill);
            Expect(t, target, Kind.Skill);
            if (seen.Add((skill.Uri, target.Uri, kind))) import.SkillRelations.Add(new SkillRelationRecord(skill.Uri, target.Uri, kind));
        }
        Done(t);
    }

    /// <summary>The same occupation and skill twice is kept once; essential wins over optional.</summary>
    private async Task ReadOccupationSkillAsync(CancellationToken ct)
    {
        using var t = await OpenAsync("occupationSkillRelations.csv", ["occupationUri", "relationType", "skillUri"], ct);
        int occupationUri = t.Column("occupationUri"), type = t.Column("relationType"), skillUri = t.Column("skillUri");
        var seen = new Dictionary<(string, string), int>();
        while (await t.ReadAsync(ct))
        {
            var relation = t[type] switch
            {
                "essential" => SkillRequirement.Essential,
                "optional" => SkillRequirement.Optional,
                var other => throw t.Error($"unknown relationType '{other}' (expected essential or optional)"),
            };
            var occupation = Find(t, occupationUri, "occupationUri");
            var skill = Find(t, skillUri, "skillUri");
            Tick(t);
            if (occupation.Kind == Kind.Elsewhere || skill.Kind == Kind.Elsewhere) { Skip(Undefined); continue; }
            Expect(t, occupation, Kind.Occupation);
            Expect(t, skill, Kind.Skill);
            if (seen.TryGetValue((occupation.Uri, skill.Uri), out var at))
            {
                if (relation == SkillRequirement.Essential) import.OccupationSkills[at] = import.OccupationSkills[at] with { Relation = relation };
                continue;
            }
            seen.Add((occupation.Uri, skill.Uri), import.OccupationSkills.Count);
            import.OccupationSkills.Add(new OccupationSkillRecord(occupation.Uri, skill.Uri, relation, null, null));
        }
        Done(t);
    }

    private static string Name(Kind kind) => kind switch
    {
        Kind.Skill => "a skill",
        Kind.Group => "a skill group",
        Kind.Occupation => "an occupation",
        _ => "a concept defined nowhere",
    };
}
