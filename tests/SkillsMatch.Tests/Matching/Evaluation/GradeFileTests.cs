using SkillsMatch.Matching.Evaluation;

namespace SkillsMatch.Tests.Matching.Evaluation;

[Trait("Category", "Unit")]
public sealed class GradeFileTests
{
    [Fact]
    public async Task Grades_are_read_with_quoted_notes_and_a_bad_grade_names_its_line()
    {
        var good = await WriteAsync("pair_id,learner_id,posting_id,grade,note\ngp1,l1,p1,3,\"base 2, raised\"\ngp2,l2,p1,0,\n");
        var bad = await WriteAsync("pair_id,learner_id,posting_id,grade,note\ngp1,l1,p1,3,\ngp2,l2,p1,4,\n");
        var twice = await WriteAsync("pair_id,learner_id,posting_id,grade\ngp1,l1,p1,3\ngp1,l2,p1,1\n");
        try
        {
            var pairs = await GradeFile.ReadGradesAsync(good, default);

            Assert.Equal([new JudgedPair("gp1", "l1", "p1", 3), new JudgedPair("gp2", "l2", "p1", 0)], pairs);
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => GradeFile.ReadGradesAsync(bad, default));
            Assert.Contains("line 3: grade '4'", error.Message);
            Assert.Contains("appears twice", (await Assert.ThrowsAsync<InvalidDataException>(() => GradeFile.ReadGradesAsync(twice, default))).Message);
            // A pairs file has no grade column: read as pairs it is fine, read as grades it is refused.
            var pairsOnly = await WriteAsync("pair_id,learner_id,posting_id\ngp1,l1,p1\n");
            Assert.Null(Assert.Single(await GradeFile.ReadPairsAsync(pairsOnly, default)).Grade);
            await Assert.ThrowsAsync<InvalidDataException>(() => GradeFile.ReadGradesAsync(pairsOnly, default));
            File.Delete(pairsOnly);
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
            File.Delete(twice);
        }
    }

    private static async Task<string> WriteAsync(string text)
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}
