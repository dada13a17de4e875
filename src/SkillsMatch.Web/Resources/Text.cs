namespace SkillsMatch.Web.Resources;

/// <summary>The web app's words: Text.resx (English) and Text.fr.resx (French), read through IStringLocalizer&lt;Text&gt;.</summary>
public sealed class Text;
