using ReportFunctions.Core.Domain;
using ReportFunctions.Core.Extraction;

namespace ReportFunctions.Core.Tests.Extraction;

/// <summary>The engine's fast paths (word-set hashing, the name-prefix filter, the cache of recent words) find what a plain lookup finds.</summary>
public sealed class EngineLookupTests
{
    [Fact]
    public void Word_sets_find_a_word_from_any_string_instance_and_only_that_word()
    {
        var fresh = new string("percent".AsSpan()); // not the lexicon's instance
        Assert.Contains(fresh, Lexicon.Percent);
        // same length, first, middle and last letters as "percent": same hash, still not in the set
        Assert.DoesNotContain("pexcent", Lexicon.Percent);
        Assert.Equal(WordComparer.Instance.GetHashCode("percent"), WordComparer.Instance.GetHashCode("pexcent"));
        Assert.True(Lexicon.Scales.TryGetValue(new string("billion".AsSpan()), out var scale));
        Assert.Equal(1e9, scale);
        Assert.Equal(0, WordComparer.Instance.GetHashCode(""));
    }

    [Theory]
    [InlineData("jiax", true)]     // Jiaxing
    [InlineData("innermon", true)] // Inner Mongolia, glued
    [InlineData("inner", true)]
    [InlineData("", true)]
    [InlineData("thegovernment", false)]
    [InlineData("zzz", false)]
    public void Gazetteer_knows_which_letters_can_begin_a_name(string prefix, bool expected) =>
        Assert.Equal(expected, Gazetteer.Default.IsKeyPrefix(prefix));

    [Fact]
    public void Region_names_are_still_found_after_words_that_cannot_begin_one()
    {
        var r = new ReportExtractor().Extract(
            "Report on the Work of the Government. Delivered at the First Session of the Sixteenth Jiaxings People's Congress, January 2024.\n\n" +
            "The city's GDP grew by 5.5% in 2023.");
        Assert.Equal("Jiaxing", r.Region.Name);
    }

    [Fact]
    public void A_glued_word_splits_the_same_whether_or_not_it_was_seen_before_in_another_spelling()
    {
        // the first spelling keeps a dropped apostrophe in its span, so it is not asked to split; the cached word then must be
        using var toks = Tokenizer.Tokenize("Surveyedunemploy'ment fell. Surveyedunemployment rate stood at 5.1%. Surveyedunemployment again.");
        var words = Enumerable.Range(0, toks.Count).Select(i => toks[i]).Where(t => t.Kind == TokKind.Word).Select(t => t.W).ToList();
        Assert.Equal(["surveyed", "unemployment", "rate", "stood", "at", "surveyed", "unemployment", "again"], words.Skip(2).ToList());
        Assert.Equal(2, words.Count(w => w == "surveyed"));
    }
}
