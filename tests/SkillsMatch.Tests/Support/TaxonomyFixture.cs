using SkillsMatch.Taxonomy;
using SkillsMatch.Taxonomy.Importers;

namespace SkillsMatch.Tests.Support;

public static class TaxonomyFixture
{
    /// <summary>The shipped-format fixture under a key of its own, so tests sharing the run database never collide.</summary>
    public static TaxonomyImport Own(string? version = null)
    {
        var read = OwnTaxonomyReader.Read(Fixtures.Path("own")).Import!;
        var info = read.Info with { Key = "test-" + Guid.NewGuid().ToString("N")[..12], Version = version ?? read.Info.Version };
        return CopyWith(read, info);
    }

    public static TaxonomyImport CopyWith(TaxonomyImport source, TaxonomyInfo info)
    {
        var copy = new TaxonomyImport(info);
        copy.Skills.AddRange(source.Skills);
        copy.Groups.AddRange(source.Groups);
        copy.GroupMembers.AddRange(source.GroupMembers);
        copy.SkillRelations.AddRange(source.SkillRelations);
        copy.Occupations.AddRange(source.Occupations);
        copy.OccupationSkills.AddRange(source.OccupationSkills);
        return copy;
    }
}
