using System.Text.RegularExpressions;
using System.Xml.Linq;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Web;

/// <summary>Every word of the web app is in English and in French, with the same placeholders.</summary>
[Trait("Category", "Unit")]
public sealed partial class TextResourcesTests
{
    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(ShippedTaxonomy.RepositoryFile("src", "SkillsMatch.Web", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void Every_english_text_has_a_french_one_with_the_same_placeholders()
    {
        var english = Read("Text.resx");
        var french = Read("Text.fr.resx");
        Assert.Empty(english.Keys.Except(french.Keys).Order());
        Assert.Empty(french.Keys.Except(english.Keys).Order());
        var mismatched = english.Where(e => string.IsNullOrWhiteSpace(french[e.Key])
                || !Placeholders(e.Value).SequenceEqual(Placeholders(french[e.Key])))
            .Select(e => e.Key).ToList();
        Assert.Empty(mismatched);
    }

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Distinct().Order();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
