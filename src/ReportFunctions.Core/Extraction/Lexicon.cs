namespace ReportFunctions.Core.Extraction;

internal enum Concept : byte
{
    None, Gdp, GdpPerCapita, IndustrialVa, Fai, Retail, Trade, Exports, Fdi, PublicBudgetRevenue, FiscalRevenue,
    IncomeAll, IncomeUrban, IncomeRural, Rd, Urbanization, Cpi, Unemployment, Jobs, HighTech, LifeExpectancy, Livelihood,
    /// <summary>Named so that lists line up ("exports and imports reached X and Y respectively"); no catalog code.</summary>
    Imports,
}

/// <summary>The words the extractor knows. Every word compared against must be registered here.</summary>
internal static class Lexicon
{
    private static readonly Dictionary<string, string> Vocab = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> VocabSpan = Vocab.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string? Lookup(ReadOnlySpan<char> lower)
    {
        if (VocabSpan.TryGetValue(lower, out var w)) return w;
        if (lower.Length > 3 && lower[^1] == 's' && VocabSpan.TryGetValue(lower[..^1], out w)) return w; // Partys, residentss
        return null;
    }

    /// <summary>Whether a token's word (null for none) is in the set.</summary>
    public static bool Has(this HashSet<string> set, string? w) => w is not null && set.Contains(w);

    private static string Reg(string w)
    {
        if (Vocab.TryGetValue(w, out var e)) return e;
        Vocab[w] = w;
        return w;
    }

    /// <summary>A word set of Data/en/words.txt, its words registered.</summary>
    private static HashSet<string> S(string name)
    {
        var set = new HashSet<string>(WordComparer.Instance);
        foreach (var w in ExtractionData.Words(name)) set.Add(Reg(w));
        return set;
    }

    // Order matters: everything below registers into Vocab.
    public static readonly HashSet<string> Function = S(nameof(Function));
    public static readonly HashSet<string> Transparent = S(nameof(Transparent));

    public static readonly Dictionary<string, double> Scales = new(WordComparer.Instance)
    {
        [Reg("trillion")] = 1e12, [Reg("billion")] = 1e9, [Reg("million")] = 1e6, [Reg("thousand")] = 1e3, [Reg("bn")] = 1e9, [Reg("mn")] = 1e6,
    };
    public static readonly string Hundred = Reg("hundred"), Ten = Reg("ten");
    public static readonly Dictionary<string, double> NumberWords = new(WordComparer.Instance)
    {
        [Reg("one")] = 1, [Reg("two")] = 2, [Reg("three")] = 3, [Reg("four")] = 4, [Reg("five")] = 5, [Reg("six")] = 6, [Reg("seven")] = 7,
        [Reg("eight")] = 8, [Reg("nine")] = 9, [Reg("ten")] = 10, [Reg("twenty")] = 20, [Reg("thirty")] = 30, [Reg("forty")] = 40,
        [Reg("fifty")] = 50, [Reg("hundred")] = 100, [Reg("a")] = 1,
    };
    public static readonly HashSet<string> Yuan = S(nameof(Yuan));
    public static readonly HashSet<string> GoalVerbsAfterValue = S(nameof(GoalVerbsAfterValue));
    public static readonly HashSet<string> GluedUnits = S(nameof(GluedUnits));
    public static readonly HashSet<string> NationCues = S(nameof(NationCues));
    public static readonly HashSet<string> AtLeastBefore = S(nameof(AtLeastBefore));
    public static readonly HashSet<string> AtMostBefore = S(nameof(AtMostBefore));
    public static readonly HashSet<string> AboutAfter = S(nameof(AboutAfter));
    public static readonly HashSet<string> AboveAfter = S(nameof(AboveAfter));
    public static readonly HashSet<string> BelowAfter = S(nameof(BelowAfter));
    public static readonly HashSet<string> PercentagePoints = S(nameof(PercentagePoints));
    public static readonly HashSet<string> RespectivelyBefore = S(nameof(RespectivelyBefore));
    public static readonly HashSet<string> ListAnd = S(nameof(ListAnd));
    public static readonly HashSet<string> ThisYearWords = S(nameof(ThisYearWords));
    public static readonly HashSet<string> LastYearWords = S(nameof(LastYearWords));
    public static readonly HashSet<string> PastFiveYearsWords = S(nameof(PastFiveYearsWords));
    public static readonly HashSet<string> YearSuffix = S(nameof(YearSuffix));
    public static readonly HashSet<string> MonthSuffix = S(nameof(MonthSuffix));
    public static readonly HashSet<string> IncomePairPhrases = S(nameof(IncomePairPhrases));
    public static readonly HashSet<string> UsdWords = S(nameof(UsdWords));
    public static readonly HashSet<string> CountUnits = S(nameof(CountUnits));
    public static readonly HashSet<string> ChineseSubjectAfterPlace = S(nameof(ChineseSubjectAfterPlace));
    /// <summary>Chinese digits in order of value (a word may list variants: "〇零").</summary>
    public static readonly string[] ChineseDigits = ExtractionData.Words(nameof(ChineseDigits));
    public static readonly HashSet<string> AnnualAverageWords = S(nameof(AnnualAverageWords));
    /// <summary>十, 百, 千, 万, 亿 in this order (a word may list variants).</summary>
    public static readonly string[] ChineseNumeralUnits = ExtractionData.Words(nameof(ChineseNumeralUnits));
    public static readonly string[] ChineseTwo = ExtractionData.Words(nameof(ChineseTwo));
    public static readonly string[] ChineseDecimalPoint = ExtractionData.Words(nameof(ChineseDecimalPoint));
    public static readonly string[] ChineseNumberFollowers = ExtractionData.Words(nameof(ChineseNumberFollowers));
    public static readonly HashSet<string> PercentBefore = S(nameof(PercentBefore));
    public static readonly HashSet<string> FromWords = S(nameof(FromWords));
    public static readonly HashSet<string> RangeWords = S(nameof(RangeWords));
    public static readonly HashSet<string> UrbanWords = S(nameof(UrbanWords));
    public static readonly HashSet<string> ChineseVenueBefore = S(nameof(ChineseVenueBefore));
    public static readonly HashSet<string> ChineseVenueAfter = S(nameof(ChineseVenueAfter));
    public static readonly HashSet<string> RestatedAgoWords = S(nameof(RestatedAgoWords));
    public static readonly HashSet<string> RespectivelyGap = S(nameof(RespectivelyGap));
    public static readonly HashSet<string> JobsBeforeFor = S(nameof(JobsBeforeFor));
    public static readonly HashSet<string> TargetHeaderModifiers = S(nameof(TargetHeaderModifiers));
    public static readonly HashSet<string> GrowingWords = S(nameof(GrowingWords));
    public static readonly HashSet<string> OfficeWords = S(nameof(OfficeWords));
    public static readonly HashSet<string> GovernmentSuffixes = S(nameof(GovernmentSuffixes));
    public static readonly HashSet<string> SessionWords = S(nameof(SessionWords));
    public static readonly HashSet<string> EconomyDeterminers = S(nameof(EconomyDeterminers));
    public static readonly HashSet<string> CountNouns = S(nameof(CountNouns));
    public static readonly HashSet<string> AmountLinkWords = S(nameof(AmountLinkWords));
    public static readonly HashSet<string> RunningTotalVerbs = S(nameof(RunningTotalVerbs));
    public static readonly HashSet<string> ShareVerbs = S(nameof(ShareVerbs));
    public static readonly HashSet<string> ChangeWordsAfterValue = S(nameof(ChangeWordsAfterValue));
    public static readonly HashSet<string> PastSpanWords = S(nameof(PastSpanWords));
    public static readonly HashSet<string> FutureSpanWords = S(nameof(FutureSpanWords));
    public static readonly HashSet<string> TotalVerbs = S(nameof(TotalVerbs));
    public static readonly HashSet<string> OrMoreWords = S(nameof(OrMoreWords));
    public static readonly HashSet<string> OrLessWords = S(nameof(OrLessWords));
    public static readonly HashSet<string> ComparativeWords = S(nameof(ComparativeWords));
    public static readonly HashSet<string> DecreaseNouns = S(nameof(DecreaseNouns));
    public static readonly HashSet<string> PlanHeader = S(nameof(PlanHeader));
    public static readonly HashSet<string> ShareIndicatorWords = S(nameof(ShareIndicatorWords));
    public static readonly HashSet<string> GrowthVerbsBeforeBy = S(nameof(GrowthVerbsBeforeBy));
    public static readonly HashSet<string> QuarterWords = S(nameof(QuarterWords));
    public static readonly HashSet<string> RateModifiers = S(nameof(RateModifiers));
    public static readonly HashSet<string> ShareOfWords = S(nameof(ShareOfWords));
    public static readonly HashSet<string> VenueWords = S(nameof(VenueWords));
    public static readonly HashSet<string> FirstQuarterMonths = S(nameof(FirstQuarterMonths));
    public static readonly HashSet<string> AmountClauseVerbs = S(nameof(AmountClauseVerbs));
    public static readonly HashSet<string> MediaNames = S(nameof(MediaNames));
    public static readonly HashSet<string> GluedTails = S(nameof(GluedTails));
    public static readonly HashSet<string> Usd = S(nameof(Usd));
    public static readonly HashSet<string> Percent = S(nameof(Percent));
    public static readonly string Per = Reg("per"), Cent = Reg("cent"), Point = Reg("point"), Percentage = Reg("percentage"), Points = Reg("points");
    public static readonly string Years = Reg("years"), Year = Reg("year"), Old = Reg("old");
    public static readonly string Respectively = Reg("respectively"), Respective = Reg("respective");
    public static readonly string From = Reg("from"), To = Reg("to"), And = Reg("and"), Between = Reg("between"), Of = Reg("of"), In = Reg("in"), By = Reg("by");
    public static readonly string Nominal = Reg("nominal"), Real = Reg("real"), Terms = Reg("terms");
    public static readonly HashSet<string> Months = S(nameof(Months));

    // Qualifiers (single words; multi-word ones are checked in code).
    public static readonly HashSet<string> About = S(nameof(About));
    public static readonly HashSet<string> Above = S(nameof(Above));
    public static readonly HashSet<string> Below = S(nameof(Below));
    public static readonly string More = Reg("more"), Less = Reg("less"), Than = Reg("than"), No = Reg("no"), Not = Reg("not"), At = Reg("at"), Least = Reg("least"), Most = Reg("most"), Up = Reg("up");

    public static readonly HashSet<string> Decrease = S(nameof(Decrease));
    public static readonly HashSet<string> GrowthWords = S(nameof(GrowthWords));
    public static readonly HashSet<string> TargetCues = S(nameof(TargetCues));
    public static readonly HashSet<string> TargetHeader = S(nameof(TargetHeader));
    public static readonly HashSet<string> ShareWords = S(nameof(ShareWords));
    public static readonly HashSet<string> AreaWords = S(nameof(AreaWords));
    public static readonly HashSet<string> NationWords = S(nameof(NationWords));
    public static readonly HashSet<string> ProvinceWords = S(nameof(ProvinceWords));
    public static readonly HashSet<string> PeriodPartWords = S(nameof(PeriodPartWords));
    public static readonly HashSet<string> NewWords = S(nameof(NewWords));
    public static readonly HashSet<string> RankWords = S(nameof(RankWords));
    public static readonly HashSet<string> Accumulated = S(nameof(Accumulated));
    public static readonly HashSet<string> PastVerbs = S(nameof(PastVerbs));
    public static readonly HashSet<string> LivelihoodWords = S(nameof(LivelihoodWords));
    public static readonly HashSet<string> ExpenditureWords = S(nameof(ExpenditureWords));
    public static readonly HashSet<string> Comparatives = S(nameof(Comparatives));
    public static readonly HashSet<string> YearWordsLast = S(nameof(YearWordsLast));
    public static readonly HashSet<string> Ordinals = S(nameof(Ordinals));
    public static readonly HashSet<string> Directions = S(nameof(Directions));
    public static readonly HashSet<string> EstimateCues = S(nameof(EstimateCues));
    public static readonly HashSet<string> FirmEstimateCues = S(nameof(FirmEstimateCues));
    public static readonly HashSet<string> AverageRateCues = S(nameof(AverageRateCues));
    public static readonly HashSet<string> SpanTotalCues = S(nameof(SpanTotalCues));
    public static readonly HashSet<string> ReviewHeader = S(nameof(ReviewHeader));
    public static readonly HashSet<string> SubCategoryModifiers = S(nameof(SubCategoryModifiers));
    public static readonly HashSet<string> VerbsAfterTo = S(nameof(VerbsAfterTo));
    public static readonly string Five = Reg("five"), Plan = Reg("plan"), Period = Reg("period"), During = Reg("during"), Over = Reg("over"), This = Reg("this"), Next = Reg("next"),
        End = Reg("end"), Average = Reg("average"), Annual = Reg("annual"), Annually = Reg("annually"), Total = Reg("total"), Income = Reg("income"), Incomes = Reg("incomes"),
        Urban = Reg("urban"), Rural = Reg("rural"), Farmers = Reg("farmers"), Residents = Reg("residents"), Low = Reg("low"), Disposable = Reg("disposable"), Capita = Reg("capita"),
        Gdp = Reg("gdp"), Industrial = Reg("industrial"), High = Reg("high"), General = Reg("general"), Public = Reg("public"), Budget = Reg("budget"), Fiscal = Reg("fiscal"),
        Growth = Reg("growth"), Rate = Reg("rate"), Report = Reg("report"), Work = Reg("work"), Government = Reg("government"), Review = Reg("review"),
        Municipal = Reg("municipal"), Provincial = Reg("provincial"), Peoples = Reg("people"), People2 = Reg("peoples"), Congress = Reg("congress"), Behalf = Reg("behalf"),
        Governor = Reg("governor"), Mayor = Reg("mayor"), Copyright = Reg("copyright"), City = Reg("city"), Province = Reg("province"), Autonomous = Reg("autonomous"),
        Region = Reg("region"), Deputies = Reg("deputies"), Session = Reg("session"), Premier = Reg("premier"), Council = Reg("council"), State = Reg("state"),
        Delivered = Reg("delivered"), Estimated = Reg("estimated"), Estimate = Reg("estimate"), Preliminary = Reg("preliminary"), Tech = Reg("tech"), Hightech = Reg("hightech"),
        Enterprises = Reg("enterprises"), Number = Reg("number"), Stock = Reg("stock"), Whole = Reg("whole"), Spending = Reg("spending"), Gap = Reg("gap"), Ratio = Reg("ratio"),
        Families = Reg("families"), Minimum = Reg("minimum"), Wage = Reg("wage"), Designated = Reg("designated"), Size = Reg("size"), Years2 = Reg("year"), Since = Reg("since"),
        Compared = Reg("compared"), With = Reg("with"), Same = Reg("same"), Value = Reg("value"), Added = Reg("added"), Was = Reg("was"), Be = Reg("be"), Is = Reg("is"), Are = Reg("are");

    /// <summary>Indicator phrases of Data/indicators, longest first per first word. Hyphens and "the" are skipped when matching.</summary>
    public static readonly Dictionary<string, List<(string[] Words, Concept C)>> Phrases = BuildPhrases();

    private static Dictionary<string, List<(string[], Concept)>> BuildPhrases()
    {
        var list = new List<(string, Concept)>();
        foreach (var family in ExtractionData.Families)
            foreach (var phrase in family.EnglishPhrases.Concat(family.ChinesePhrases)) list.Add((phrase, family.Concept));
        var d = new Dictionary<string, List<(string[], Concept)>>(WordComparer.Instance);
        foreach (var (p, c) in list)
        {
            var words = p.Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Reg).ToArray();
            if (!d.TryGetValue(words[0], out var l)) d[words[0]] = l = [];
            l.Add((words, c));
        }
        foreach (var l in d.Values) l.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        return d;
    }

    /// <summary>
    /// The Chinese segmenter's vocabulary: every Chinese word of the word sets and every Chinese phrasing of the indicator
    /// files (a report's Chinese text is cut into the longest of these, else into single characters).
    /// </summary>
    public static readonly HashSet<string> ChineseVocabulary = BuildChineseVocabulary();

    public static readonly int ChineseMaxWord = ChineseVocabulary.Count == 0 ? 1 : ChineseVocabulary.Max(w => w.Length);

    /// <summary>Longest Chinese word starting with a character (absent: no word does), so the segmenter tries only lengths that can match.</summary>
    public static readonly Dictionary<char, int> ChineseMaxWordFrom = ChineseVocabulary.GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.Max(w => w.Length));

    private static HashSet<string> BuildChineseVocabulary()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var words in ExtractionData.WordSets.Values)
            foreach (var w in words) if (w.Any(Tokenizer.IsHan)) set.Add(Reg(w));
        foreach (var f in ExtractionData.Families)
            foreach (var p in f.ChinesePhrases) set.Add(Reg(p));
        // Chinese scale words: 万, 亿, 万亿
        foreach (var (set1, factor) in new[] { ("ScaleTenThousand", 1e4), ("ScaleHundredMillion", 1e8), ("ScaleTrillion", 1e12) })
            foreach (var w in ExtractionData.Words(set1)) { Scales[Reg(w)] = factor; set.Add(Reg(w)); }
        return set;
    }
}

/// <summary>
/// Ordinal string equality with a hash of the length and three characters. The word sets hold a few dozen short words
/// each and every token's word is looked up in many of them, so hashing all of its characters was a measurable share
/// of extraction time; equal strings still hash equally, so any string (not only the lexicon's instances) is found.
/// </summary>
internal sealed class WordComparer : IEqualityComparer<string>
{
    public static readonly WordComparer Instance = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y);

    public int GetHashCode(string s) =>
        s.Length == 0 ? 0 : unchecked(s.Length * -1640531535 ^ s[0] << 11 ^ s[s.Length >> 1] << 5 ^ s[^1]);
}
