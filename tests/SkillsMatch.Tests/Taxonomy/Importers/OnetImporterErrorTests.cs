using SkillsMatch.Taxonomy.Importers;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Taxonomy.Importers;

[Trait("Category", "Unit")]
public sealed class OnetImporterErrorTests
{
    private const string DataScientistsProblemSolving = "15-2051.00\t2.B.2.i\tComplex Problem Solving\tIM\t";
    private const string Rest = "\t8\t0.1250\t3.0000\t4.0000\tN\tn/a\t08/2024\tAnalyst";

    [Theory]
    [InlineData("Skills.txt", DataScientistsProblemSolving, "15-2051.00\t2.B.2.i\tComplex Problem Solving\tIM\t3.12", "expected 13 columns as in the header, found 5")]
    [InlineData("Skills.txt", DataScientistsProblemSolving, "15-2051.00\t2.B.2.i\tComplex Problem Solving\tXX\t3.12" + Rest, "unknown Scale ID 'XX' (expected IM or LV)")]
    [InlineData("Skills.txt", DataScientistsProblemSolving, DataScientistsProblemSolving + "3,12" + Rest, "Data Value '3,12' is not a number")]
    [InlineData("Skills.txt", DataScientistsProblemSolving, DataScientistsProblemSolving + "6.00" + Rest, "Data Value 6.00 is outside the IM scale (1–5)")]
    [InlineData("Skills.txt", DataScientistsProblemSolving, DataScientistsProblemSolving + Rest, "empty Data Value")]
    [InlineData("Skills.txt", null, "15-2051.00\t2.A.1.a\tReading Comprehension\tIM\t3.50" + Rest, "second IM row for 15-2051.00 and 2.A.1.a")]
    [InlineData("Knowledge.txt", null, "15-1252.00\t2.B.3.e\tProgramming\tIM\t1.50" + Rest, "element '2.B.3.e' is already a skill element")]
    [InlineData("Knowledge.txt", "O*NET-SOC Code\t", "O*NET-SOC Code\tElement ID\tElement Name\tScale\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source",
        "header has no 'Scale ID' column")]
    [InlineData("Knowledge.txt", null, "99-9999.00\t2.C.10\tTransportation\tIM\t3.00" + Rest, "O*NET-SOC Code '99-9999.00' is not in Occupation Data.txt")]
    [InlineData("Technology Skills.txt", null, "99-9999.00\tPython\t43232405\tObject or component oriented development software\tY\tY",
        "O*NET-SOC Code '99-9999.00' is not in Occupation Data.txt")]
    [InlineData("Technology Skills.txt", null, "15-1252.00\tPython\tUNSPSC-1\tObject or component oriented development software\tY\tY",
        "Commodity Code 'UNSPSC-1' is not a UNSPSC code")]
    [InlineData("Alternate Titles.txt", null, "15-1252\tSoftware Developers\tCoder\tn/a\t08", "O*NET-SOC Code '15-1252' is not in Occupation Data.txt")]
    [InlineData("Occupation Data.txt", "53-7051.00\t", "53-7051\tIndustrial Truck and Tractor Operators\tOperate industrial trucks.",
        "O*NET-SOC Code '53-7051' does not look like 15-1252.00")]
    [InlineData("Occupation Data.txt", null, "15-1252.00\tSoftware Developers\tAgain.", "O*NET-SOC Code '15-1252.00' appears twice")]
    public async Task Malformed_line_is_reported_with_file_line_and_reason(string file, string? line, string replacement, string reason)
    {
        var dir = Fixtures.CopyOf("onet");
        var lineNumber = Fixtures.EditLine(Path.Combine(dir, file), line, replacement);

        var error = await Assert.ThrowsAsync<TaxonomyFormatException>(() => OnetImporter.ReadAsync(dir, "29.2", null, CancellationToken.None));

        Assert.Equal(file, error.File);
        Assert.Equal(lineNumber, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_occupation_data_is_reported_by_name()
    {
        var dir = Fixtures.CopyOf("onet");
        File.Delete(Path.Combine(dir, "Occupation Data.txt"));

        var error = await Assert.ThrowsAsync<TaxonomyFormatException>(() => OnetImporter.ReadAsync(dir, "29.2", null, CancellationToken.None));

        Assert.Equal(("Occupation Data.txt", 0), (error.File, error.Line));
        Assert.Contains("file is missing", error.Reason, StringComparison.Ordinal);
    }
}
