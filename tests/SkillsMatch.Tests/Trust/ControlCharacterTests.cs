using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillsMatch.Tests.Learners;

namespace SkillsMatch.Tests.Trust;

/// <summary>
/// Issue 15, one input policy: a control character other than tab, CR and LF is refused with a 400 that names the field,
/// wherever it arrives — the 19 places where a NUL gave a 500, in query strings and JSON bodies alike.
/// </summary>
public sealed class ControlCharacterTests : LearnerApiHost
{
    public static TheoryData<string, string> Queries => new()
    {
        { "/occupations?q=ab%00c", "q" },
        { "/jobs?q=ab%00c", "q" },
        { "/jobs?region=CA%00", "region" },
        { "/catalog?q=ab%00c", "q" },
        { "/catalog?skill=sq%00l", "skill" },
        { "/skills?q=sql&taxonomy=x%00", "taxonomy" },
        { "/learners/{learner}/matches?occupation=x%00", "occupation" },
        { "/learners/{learner}/gaps?occupation=x%00", "occupation" },
        { "/skills?q=a%01b", "q" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Control_character_in_a_query_string_is_a_400_naming_the_parameter(string path, string field)
    {
        var learner = await CreateLearnerAsync();
        var response = await Client.GetAsync(path.Replace("{learner}", learner.ToString(), StringComparison.Ordinal));
        await AssertRefusedAsync(response, field);
    }

    public static TheoryData<string, string, string> Bodies => new()
    {
        { "/learners", """{"displayName":"Ada\u0000"}""", "displayName" },
        { "/jobs", """{"title":"Clerk\u0000","description":"Files records."}""", "title" },
        { "/catalog", """{"externalId":"x","title":"Course\u0000","provider":"College","format":"online","language":"en"}""", "title" },
        { "/candidates/search", """{"skills":["sql\u0000"]}""", "skills[0]" },
        { "/extract", """{"text":"Writes SQL\u0000 queries."}""", "text" },
        { "/occupations/classify", """{"title":"data\u0000 analyst"}""", "title" },
        { "/learners/{learner}/experiences", """{"kind":"experience","title":"Clerk\u0000","description":""}""", "title" },
        { "/learners/{learner}/practitioners", """{"practitioner":"p\u0000"}""", "practitioner" },
        { "/issuers", """{"issuerUri":"https://x.test/\u0000","name":"X"}""", "issuerUri" },
        { "/admin/keys", """{"role":"employer","subject":"acme\u0000","label":"x"}""", "subject" },
        { "/crosswalks", """{"from":"a\u0000","to":"b"}""", "from" },
        { "/learners", """{"displayName":"Ada","city":"To\u001Bronto"}""", "city" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Control_character_in_a_json_body_is_a_400_naming_the_field(string path, string body, string field)
    {
        var learner = await CreateLearnerAsync();
        var response = await Client.PostAsync(path.Replace("{learner}", learner.ToString(), StringComparison.Ordinal),
            new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertRefusedAsync(response, field);
    }

    [Fact]
    public async Task Control_character_in_a_header_is_a_400_naming_the_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/skills?q=sql");
        request.Headers.TryAddWithoutValidation("X-Correlation", "a\u0001b");
        await AssertRefusedAsync(await Client.SendAsync(request), "X-Correlation");
    }

    [Fact]
    public async Task Tab_cr_and_lf_are_allowed_in_text()
    {
        var response = await Client.PostAsync("/extract", new StringContent("""{"text":"Writes SQL queries.\r\n\tBuilds dashboards.","lexicalOnly":true}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\uFEFF")]
    [InlineData("\u202E")]
    [InlineData("\u00AD")]
    public async Task Invisible_character_inside_a_word_does_not_hide_the_skill(string invisible)
    {
        var text = $"Writes S{invisible}QL queries and builds dashboards in Pow{invisible}er BI.";
        var response = await Client.PostAsync("/extract", new StringContent(
            new JsonObject { ["text"] = text, ["lexicalOnly"] = true }.ToJsonString(), Encoding.UTF8, "application/json"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var skills = JsonNode.Parse(body)!["skills"]!.AsArray().Select(s => s!["externalId"]!.GetValue<string>()).ToList();
        Assert.Contains("sql", skills);
    }

    [Fact]
    public async Task Bidi_and_zero_width_characters_are_removed_from_names_and_titles()
    {
        var response = await Client.PostAsync("/learners", new StringContent(
            new JsonObject { ["displayName"] = "Ad\u202Ea\u200B Love\u2066lace" }.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Ada Lovelace", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["displayName"]!.GetValue<string>());
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        // The API's JSON policy camel-cases dictionary keys (X-Correlation → x-Correlation): the field is named either way.
        Assert.True(problem["errors"]?.AsObject().Any(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)) == true,
            $"the problem does not name '{field}': {text}");
    }
}
