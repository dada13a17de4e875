using SkillsMatch.Extraction;

namespace SkillsMatch.Tests.Extraction;

[Trait("Category", "Unit")]
public class LexicalMatcherTests
{
    internal const long Cpp = 1, C = 2, CSharp = 3, DotNet = 4, R = 5, Go = 6, PowerBi = 7, MsPowerBi = 8, Bi = 9,
        AnalyseData = 10, ManageStaff = 11, Sql = 12, NoSql = 13, NoCode = 14, Python = 15, Java = 16, Excel = 17,
        NodeJs = 18, CiCd = 19, AbTesting = 20, Visualisation = 21, RealTime = 22, TcpIp = 23, Safe = 24,
        ActiveDirectory = 25, DataAnalysis = 26, Colour = 27, RAndD = 28;

    internal static readonly LexicalMatcher Matcher = new(
    [
        new(Cpp, "C++", true), new(C, "C", true), new(CSharp, "C#", true), new(DotNet, ".NET", true),
        new(DotNet, ".NET Core", false), new(R, "R", true), new(Go, "Go", true), new(PowerBi, "Power BI", true),
        new(MsPowerBi, "Microsoft Power BI", true), new(Bi, "BI", false), new(Bi, "business intelligence", true),
        new(AnalyseData, "analyse data", true), new(ManageStaff, "manage staff", true), new(Sql, "SQL", true),
        new(NoSql, "NoSQL", true), new(NoCode, "no-code", true), new(Python, "Python", true), new(Java, "Java", true),
        new(Excel, "Microsoft Excel", true), new(Excel, "Excel", false), new(NodeJs, "Node.js", true),
        new(CiCd, "CI/CD", true), new(AbTesting, "A/B testing", true), new(Visualisation, "data visualisation", true),
        new(RealTime, "real-time data processing", true), new(TcpIp, "TCP/IP", true), new(Safe, "SAFe", true),
        new(ActiveDirectory, "AD", false), new(DataAnalysis, "data analysis", true), new(Colour, "colour theory", true),
        new(RAndD, "R&D", true),
    ]);

    private static List<(long Skill, string Text)> Found(string text) =>
        Matcher.Match(text).Select(m => (m.SkillId, m.MatchedText)).ToList();

    [Fact]
    public void Cpp_C_CSharp_and_DotNet_are_kept_apart()
    {
        Assert.Equal(
            [(Cpp, "C++"), (C, "C"), (CSharp, "C#"), (DotNet, ".NET")],
            Found("We use C++, C, C# and .NET daily."));
    }

    [Fact]
    public void C_slash_Cpp_names_both_languages()
    {
        Assert.Equal([(C, "C"), (Cpp, "C++")], Found("Embedded C/C++ on ARM"));
    }

    [Theory]
    [InlineData("analyzing data")]
    [InlineData("Analysing data")]
    [InlineData("analyzed data")]
    [InlineData("analyses data")]
    [InlineData("analysis data")]
    public void Inflected_and_American_spellings_match_a_British_label(string text)
    {
        Assert.Equal([(AnalyseData, text)], Found(text));
    }

    [Theory]
    [InlineData("managing staff", ManageStaff)]
    [InlineData("management of staff", -1)]
    [InlineData("data visualization", Visualisation)]
    [InlineData("data visualisations", Visualisation)]
    [InlineData("color theory", Colour)]
    [InlineData("real time data processing", RealTime)]
    [InlineData("real-time data processing", RealTime)]
    public void Light_stemming_is_consistent_between_labels_and_text(string text, long skill)
    {
        var found = Found(text);
        if (skill < 0)
        {
            Assert.Empty(found);
        }
        else
        {
            Assert.Equal(skill, Assert.Single(found).Skill);
        }
    }

    [Theory]
    [InlineData("Experience with Microsoft Power BI dashboards", MsPowerBi, "Microsoft Power BI")]
    [InlineData("Experience with Power BI dashboards", PowerBi, "Power BI")]
    [InlineData("Experience with BI dashboards", Bi, "BI")]
    public void The_longest_label_wins(string text, long skill, string matched)
    {
        Assert.Equal([(skill, matched)], Found(text));
    }

    [Theory]
    [InlineData("R&D department")]
    [InlineData("r and python")]
    [InlineData("we go further")]
    [InlineData("an ad campaign")]
    [InlineData("C-suite stakeholders")]
    [InlineData("safe lifting")]
    public void Short_names_need_exact_case_and_whole_tokens(string text)
    {
        Assert.DoesNotContain(Matcher.Match(text), m => m.SkillId is R or Go or ActiveDirectory or C or Safe);
    }

    [Fact]
    public void R_and_D_is_its_own_token_and_R_matches_only_the_language()
    {
        Assert.Equal([(RAndD, "R&D"), (R, "R")], Found("R&D team using R and SQL").Take(2).ToList());
    }

    [Fact]
    public void Very_short_labels_are_flagged_ambiguous()
    {
        var matches = Matcher.Match("Go, R, C++ and AD administration");
        Assert.True(matches.Single(m => m.SkillId == Go).Ambiguous);
        Assert.True(matches.Single(m => m.SkillId == R).Ambiguous);
        Assert.True(matches.Single(m => m.SkillId == ActiveDirectory).Ambiguous);
        Assert.False(matches.Single(m => m.SkillId == Cpp).Ambiguous);
    }

    [Fact]
    public void A_capitalised_name_found_in_lower_case_is_ambiguous()
    {
        var matches = Matcher.Match("You excel at Python; you know Excel.");
        Assert.True(matches[0].Ambiguous);
        Assert.False(matches[1].Ambiguous);
        Assert.False(matches[2].Ambiguous);
    }

    [Fact]
    public void A_one_word_lower_case_alias_is_loose_and_other_labels_are_not()
    {
        const long Journalism = 1, Forklift = 2, Spreadsheet = 3, Analysis = 4;
        var matcher = new LexicalMatcher(
        [
            new(Journalism, "journalism", true), new(Journalism, "reporting", false),
            new(Forklift, "forklift operation", true), new(Forklift, "forklift", false),
            new(Spreadsheet, "Microsoft Excel", true), new(Spreadsheet, "Excel", false),
            new(Analysis, "data analysis", true), new(Analysis, "data analytics", false),
        ]);

        var loose = matcher.Match("Reporting, a forklift, Excel, data analytics and journalism.")
            .ToDictionary(m => m.MatchedText, m => m.LooseAlias);

        Assert.Equal(
            new Dictionary<string, bool>
            {
                ["Reporting"] = true, ["forklift"] = true, ["Excel"] = false, ["data analytics"] = false, ["journalism"] = false,
            },
            loose);
    }

    [Theory]
    [InlineData("Node.js services", NodeJs, "Node.js")]
    [InlineData("CI/CD pipelines", CiCd, "CI/CD")]
    [InlineData("A/B testing of features", AbTesting, "A/B testing")]
    [InlineData("TCP/IP networking", TcpIp, "TCP/IP")]
    [InlineData("NoSQL stores", NoSql, "NoSQL")]
    [InlineData(".NET Core APIs", DotNet, ".NET Core")]
    [InlineData("no-code tools", NoCode, "no-code")]
    public void Names_with_punctuation_match_whole(string text, long skill, string matched)
    {
        Assert.Equal([(skill, matched)], Found(text));
    }

    [Fact]
    public void A_label_shared_by_two_skills_reports_both()
    {
        var matcher = new LexicalMatcher([new(1, "data mining", true), new(2, "data mining", false), new(1, "Data Mining", false)]);
        Assert.Equal([1L, 2L], matcher.Match("data mining at scale").Select(m => m.SkillId).ToArray());
        Assert.True(matcher.Match("data mining")[0].IsPreferred);
    }

    [Fact]
    public void Offsets_point_into_the_original_text_through_curly_quotes_tabs_and_CRLF()
    {
        string text = "\u201CSenior\u201D dev\u2014\r\n\t\u2022 Microsoft\u00A0Power BI\r\n\u2022 data\tvisualisation, C\u0327 and C++ \uFB01les";
        var matches = Matcher.Match(text);
        Assert.NotEmpty(matches);
        foreach (var m in matches)
        {
            Assert.Equal(m.MatchedText, text.Substring(m.Start, m.Length));
        }
        Assert.Contains(matches, m => m.SkillId == MsPowerBi && m.MatchedText == "Microsoft\u00A0Power BI");
        Assert.Contains(matches, m => m.SkillId == Visualisation && m.MatchedText == "data\tvisualisation");
    }

    [Fact]
    public void Matches_do_not_cross_line_breaks()
    {
        Assert.DoesNotContain(Matcher.Match("Microsoft\nExcel"), m => m.MatchedText.Contains('\n'));
    }
}
