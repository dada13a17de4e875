using SkillsMatch.Embeddings;

namespace SkillsMatch.Tests.Embeddings;

[Trait("Category", "Unit")]
public class BertTokenizerTests
{
    private static readonly BertTokenizer Tokenizer = MiniLmModel.LoadTokenizer();

    [Fact]
    public void Cpp_and_C_tokenise_differently()
    {
        Assert.Equal(["c", "+", "+"], Tokenizer.Tokenize("C++"));
        Assert.Equal(["c", "#"], Tokenizer.Tokenize("C#"));
        Assert.Equal(["c"], Tokenizer.Tokenize("C"));
    }

    [Theory]
    [InlineData(".NET", new[] { ".", "net" })]
    [InlineData("Node.js", new[] { "node", ".", "j", "##s" })] // "js" is not in the vocabulary
    [InlineData("CI/CD", new[] { "ci", "/", "cd" })]
    [InlineData("R&D, Q/A!", new[] { "r", "&", "d", ",", "q", "/", "a", "!" })]
    [InlineData("a<b>=c|d~e^f$g`h", new[] { "a", "<", "b", ">", "=", "c", "|", "d", "~", "e", "^", "f", "$", "g", "`", "h" })]
    public void Every_punctuation_and_symbol_is_its_own_token(string text, string[] expected)
    {
        Assert.Equal(expected, Tokenizer.Tokenize(text));
    }

    [Theory]
    [InlineData("Résumé", "resume")]
    [InlineData("CAFÉ", "cafe")]
    [InlineData("Cafe\u0301", "cafe")]
    [InlineData("İstanbul", "istanbul")]
    public void Accents_and_case_are_folded(string text, string expected)
    {
        Assert.Equal(Tokenizer.Encode(expected), Tokenizer.Encode(text));
    }

    [Fact]
    public void Hello_world_encodes_to_the_known_ids()
    {
        Assert.Equal([101, 7592, 2088, 102], Tokenizer.Encode("hello world"));
    }

    [Fact]
    public void Unknown_words_split_into_word_pieces()
    {
        Assert.Equal(["em", "##bed", "##ding", "##s"], Tokenizer.Tokenize("embeddings"));
    }

    [Fact]
    public void Overlong_words_become_unknown()
    {
        Assert.Equal(["[UNK]", "ok"], Tokenizer.Tokenize(new string('a', 101) + " ok"));
    }

    [Fact]
    public void Control_characters_vanish_and_ideographs_stand_alone()
    {
        Assert.Equal(["data", "日", "本"], Tokenizer.Tokenize("da\u200Bta\u0007\t日本"));
    }

    [Fact]
    public void Long_text_is_truncated_to_the_model_limit()
    {
        int[] ids = Tokenizer.Encode(string.Join(' ', Enumerable.Repeat("skill", 1000)));

        Assert.Equal(MiniLmModel.MaxTokens, ids.Length);
        Assert.Equal(101, ids[0]);
        Assert.Equal(102, ids[^1]);
    }
}
