using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace SkillsMatch.Web.Components.Charts;

/// <summary>
/// SVG pieces rendered on the server. A <c>&lt;text&gt;</c> element cannot be written inside a Razor code block (Razor
/// reads it as its own text tag), so chart labels are built here, encoded, with invariant numbers.
/// </summary>
public static class Svg
{
    public static MarkupString Text(double x, double y, string text, string attributes = "") =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" {attributes}>{HtmlEncoder.Default.Encode(text)}</text>"));

    /// <summary>A number for an SVG attribute (never a decimal comma).</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
