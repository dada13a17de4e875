using System.Net;
using System.Text.RegularExpressions;

namespace SkillsMatch.Jobs;

/// <summary>
/// Posting descriptions arrive as HTML fragments. Block elements become line breaks and list items "- " lines,
/// so sentence splitting and heading cues ("Requirements:") still see the structure; every other tag goes.
/// </summary>
public static partial class HtmlText
{
    public static string ToText(string html)
    {
        if (!html.Contains('<') && !html.Contains('&')) return html.Trim();
        var text = Hidden().Replace(html, " ");
        text = ListItem().Replace(text, "\n- ");
        text = Block().Replace(text, "\n");
        text = Tag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
        text = Spaces().Replace(text, " ");
        text = BlankLines().Replace(text, "\n");
        return text.Trim();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"</?(p|div|br|ul|ol|h[1-6]|tr|table|section|article|header|footer)\b[^>]*/?>|</li\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex Block();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\f\v]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex BlankLines();
}
