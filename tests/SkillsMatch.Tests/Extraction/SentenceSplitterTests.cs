using SkillsMatch.Extraction;

namespace SkillsMatch.Tests.Extraction;

[Trait("Category", "Unit")]
public class SentenceSplitterTests
{
    private static List<string> Pieces(string text) =>
        SentenceSplitter.Split(text).Select(s => text.Substring(s.Start, s.Length)).ToList();

    [Fact]
    public void Abbreviations_and_dotted_names_do_not_end_a_sentence()
    {
        string text = "Use tools, e.g. Node.js and .NET, i.e. modern ones, etc. for 3.5 years. Report to the Sr. manager at Acme Inc. in Ottawa. Next sentence!";
        Assert.Equal(
            ["Use tools, e.g. Node.js and .NET, i.e. modern ones, etc. for 3.5 years.",
             "Report to the Sr. manager at Acme Inc. in Ottawa.", "Next sentence!"],
            Pieces(text));
    }

    [Fact]
    public void Bullets_numbered_items_and_headings_are_separate_spans()
    {
        string text = "Requirements:\n- Python\n* SQL\n\u2022 Docker\n\u00B7 Git\n\u25AA Linux\n1. Java\n2) Go\na) Rust\nNice to have\n  - Kotlin";
        var spans = SentenceSplitter.Split(text);
        Assert.Equal(
            ["Requirements:", "Python", "SQL", "Docker", "Git", "Linux", "Java", "Go", "Rust", "Nice to have", "Kotlin"],
            spans.Select(s => text.Substring(s.Start, s.Length)));
        Assert.Equal(SentenceKind.Heading, spans[0].Kind);
        Assert.Equal(SentenceKind.Bullet, spans[1].Kind);
        Assert.Equal(SentenceKind.Heading, spans[9].Kind);
    }

    [Fact]
    public void Semicolon_lists_split_into_items()
    {
        Assert.Equal(["Python;", "SQL;", "cloud platforms"], Pieces("Python; SQL; cloud platforms"));
    }

    [Fact]
    public void A_sentence_wrapped_over_two_lines_stays_one()
    {
        Assert.Equal(["We want someone with strong\r\nPython skills.", "Apply now."],
            Pieces("We want someone with strong\r\nPython skills. Apply now."));
    }

    [Fact]
    public void Spans_point_into_the_original_text_with_CRLF_and_curly_quotes()
    {
        string text = "\u201CAbout us\u201D\r\n\r\n\t\u2022 You\u2019ll use C#.\r\n\u2022 Tests\u2014lots.";
        Assert.Equal(["\u201CAbout us\u201D", "You\u2019ll use C#.", "Tests\u2014lots."], Pieces(text));
    }
}
