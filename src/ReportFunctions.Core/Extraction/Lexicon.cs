namespace ReportFunctions.Core.Extraction;

internal enum Concept : byte
{
    None, Gdp, GdpPerCapita, IndustrialVa, Fai, Retail, Trade, Exports, Fdi, PublicBudgetRevenue, FiscalRevenue,
    IncomeAll, IncomeUrban, IncomeRural, Rd, Urbanization, Cpi, Unemployment, Jobs, HighTech, LifeExpectancy, Livelihood,
    /// <summary>Named so that lists line up ("exports and imports reached X and Y respectively"); no catalog code.</summary>
    Imports,
}

/// <summary>
/// The words the extractor knows, all read from the data files (Data/*/words.txt, Data/indicators): the rules compare
/// tokens against these fields and sets, never against words written in code (VocabularyInDataTests). Words of the
/// lexicon are registered: the tokenizer interns them, folds their plurals and splits glued words at them.
/// </summary>
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

    /// <summary>The one word of a one-word set of Data/en/words.txt, registered.</summary>
    private static string W(string name) => Reg(One(name));

    /// <summary>
    /// A set of words the rules compare that the lexicon does not list: not registered, so the tokenizer neither folds
    /// their plurals ("Lookup") nor splits glued words at them; a word here changes only the rules that read the set.
    /// </summary>
    private static HashSet<string> Unlisted(string name) => new(ExtractionData.Words(name), WordComparer.Instance);

    /// <summary>The one word of a one-word set of words the lexicon does not list (see <see cref="Unlisted"/>).</summary>
    private static string UnlistedWord(string name) => One(name);

    private static string One(string name) =>
        ExtractionData.Words(name) is [var w] ? w : throw new InvalidOperationException($"word set '{name}' must hold exactly one word");

    /// <summary>A set of 'word=value' entries, its words registered.</summary>
    private static Dictionary<string, double> Numbers(string name)
    {
        var d = new Dictionary<string, double>(WordComparer.Instance);
        foreach (var entry in ExtractionData.Words(name))
        {
            var eq = entry.IndexOf('=');
            if (eq <= 0) throw new FormatException($"word set '{name}': '{entry}' is not 'word=value'");
            d[Reg(entry[..eq])] = double.Parse(entry.AsSpan(eq + 1), System.Globalization.CultureInfo.InvariantCulture);
        }
        return d;
    }

    private static Dictionary<string, double> BuildScales()
    {
        var d = new Dictionary<string, double>(WordComparer.Instance);
        foreach (var (words, factor) in new[] { (ScaleTrillion, 1e12), (ScaleBillion, 1e9), (ScaleHundredMillion, 1e8), (ScaleMillion, 1e6), (ScaleTenThousand, 1e4), (ScaleThousand, 1e3) })
            foreach (var w in words) d[Reg(w)] = factor;
        return d;
    }

    // Order matters: everything below registers into Vocab.
    public static readonly HashSet<string> Function = S(nameof(Function));
    public static readonly HashSet<string> Transparent = S(nameof(Transparent));

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
    public static readonly HashSet<string> Months = S(nameof(Months));

    // Qualifiers (single words; multi-word ones are checked in code).
    public static readonly HashSet<string> About = S(nameof(About));
    public static readonly HashSet<string> Above = S(nameof(Above));
    public static readonly HashSet<string> Below = S(nameof(Below));

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
    // One-word sets of the data files: the words the rules compare one at a time.
    public static readonly string Per = W(nameof(Per)), Cent = W(nameof(Cent)), Point = W(nameof(Point)), Points = W(nameof(Points)), Percentage = W(nameof(Percentage)),
        Years = W(nameof(Years)), Year = W(nameof(Year)), Old = W(nameof(Old)), Respectively = W(nameof(Respectively)), Respective = W(nameof(Respective)),
        From = W(nameof(From)), To = W(nameof(To)), And = W(nameof(And)), Between = W(nameof(Between)), Of = W(nameof(Of)),
        In = W(nameof(In)), By = W(nameof(By)), Nominal = W(nameof(Nominal)), Real = W(nameof(Real)), More = W(nameof(More)),
        Less = W(nameof(Less)), Than = W(nameof(Than)), Not = W(nameof(Not)), At = W(nameof(At)), Least = W(nameof(Least)),
        Most = W(nameof(Most)), Up = W(nameof(Up)), Five = W(nameof(Five)), Plan = W(nameof(Plan)), Period = W(nameof(Period)),
        During = W(nameof(During)), Over = W(nameof(Over)), This = W(nameof(This)), End = W(nameof(End)), Average = W(nameof(Average)),
        Annual = W(nameof(Annual)), Annually = W(nameof(Annually)), Total = W(nameof(Total)), Income = W(nameof(Income)), Incomes = W(nameof(Incomes)),
        Urban = W(nameof(Urban)), Rural = W(nameof(Rural)), Farmers = W(nameof(Farmers)), Residents = W(nameof(Residents)), Low = W(nameof(Low)),
        Disposable = W(nameof(Disposable)), Capita = W(nameof(Capita)), Gdp = W(nameof(Gdp)), Industrial = W(nameof(Industrial)), General = W(nameof(General)),
        Public = W(nameof(Public)), Budget = W(nameof(Budget)), Fiscal = W(nameof(Fiscal)), Growth = W(nameof(Growth)), Rate = W(nameof(Rate)),
        Report = W(nameof(Report)), Work = W(nameof(Work)), Government = W(nameof(Government)), Review = W(nameof(Review)), Municipal = W(nameof(Municipal)),
        People = W(nameof(People)), Congress = W(nameof(Congress)), Behalf = W(nameof(Behalf)), City = W(nameof(City)), Province = W(nameof(Province)),
        Autonomous = W(nameof(Autonomous)), Region = W(nameof(Region)), Deputies = W(nameof(Deputies)), Premier = W(nameof(Premier)), Council = W(nameof(Council)),
        State = W(nameof(State)), Enterprises = W(nameof(Enterprises)), Number = W(nameof(Number)), Gap = W(nameof(Gap)), Ratio = W(nameof(Ratio)),
        Families = W(nameof(Families)), Minimum = W(nameof(Minimum)), Wage = W(nameof(Wage)), Compared = W(nameof(Compared)), With = W(nameof(With)),
        Value = W(nameof(Value)), Added = W(nameof(Added)), Be = W(nameof(Be)), Is = W(nameof(Is)), Are = W(nameof(Are)),
        Or = W(nameof(Or)), For = W(nameof(For)), The = W(nameof(The)), National = W(nameof(National)), Capital = W(nameof(Capital)),
        That = W(nameof(That)), Last = W(nameof(Last)), Past = W(nameof(Past)), Aggregate = W(nameof(Aggregate)), Economic = W(nameof(Economic)),
        Expected = W(nameof(Expected)), Dollars = W(nameof(Dollars)), A = W(nameof(A)), PercentWord = W(nameof(PercentWord)), Million = W(nameof(Million)),
        Thousand = W(nameof(Thousand)), Hundred = W(nameof(Hundred)), Ten = W(nameof(Ten)), Us = W(nameof(Us)), UsdCode = W(nameof(UsdCode)),
        On = W(nameof(On)), New = W(nameof(New)), Net = W(nameof(Net)), HalfWord = W(nameof(HalfWord)), Cities = W(nameof(Cities)),
        Towns = W(nameof(Towns)), Welfare = W(nameof(Welfare));
    /// <summary>Words no rule compares one by one, listed so that the tokenizer knows them (plural folding, glued-word splits).</summary>
    public static readonly HashSet<string> KnownWords = S(nameof(KnownWords));
    // Small named groups the rules test membership of.
    public static readonly HashSet<string> OrMoreAfterCount = S(nameof(OrMoreAfterCount));
    public static readonly HashSet<string> ExportWords = S(nameof(ExportWords));
    public static readonly HashSet<string> SubjectPrepositions = S(nameof(SubjectPrepositions));
    public static readonly HashSet<string> ChinaWords = S(nameof(ChinaWords));
    public static readonly HashSet<string> TitleYearBlockers = S(nameof(TitleYearBlockers));
    public static readonly HashSet<string> FutureVerbs = S(nameof(FutureVerbs));
    public static readonly HashSet<string> UrbanRuralWords = S(nameof(UrbanRuralWords));
    public static readonly HashSet<string> IncomeSubjectFollowers = S(nameof(IncomeSubjectFollowers));
    public static readonly HashSet<string> RuralWords = S(nameof(RuralWords));
    public static readonly HashSet<string> QualifierStartWords = S(nameof(QualifierStartWords));
    public static readonly HashSet<string> InScopeAfterThe = S(nameof(InScopeAfterThe));
    public static readonly HashSet<string> InScopeWords = S(nameof(InScopeWords));
    public static readonly HashSet<string> ServiceWords = S(nameof(ServiceWords));
    public static readonly HashSet<string> ValueAddedWords = S(nameof(ValueAddedWords));
    public static readonly HashSet<string> NotConceptWords = S(nameof(NotConceptWords));
    public static readonly HashSet<string> GrowthNouns = S(nameof(GrowthNouns));
    public static readonly HashSet<string> LeadInWords = S(nameof(LeadInWords));
    public static readonly HashSet<string> Copulas = S(nameof(Copulas));
    public static readonly HashSet<string> OwnRegionNouns = S(nameof(OwnRegionNouns));
    public static readonly HashSet<string> YearDeterminers = S(nameof(YearDeterminers));
    public static readonly HashSet<string> NotYearlyAfterAYear = S(nameof(NotYearlyAfterAYear));
    public static readonly HashSet<string> ComparisonBasePrepositions = S(nameof(ComparisonBasePrepositions));
    public static readonly HashSet<string> YearComparisonPrepositions = S(nameof(YearComparisonPrepositions));
    public static readonly HashSet<string> YearInPrepositions = S(nameof(YearInPrepositions));
    public static readonly HashSet<string> UnitWordsAfterYear = S(nameof(UnitWordsAfterYear));
    public static readonly Dictionary<string, double> PlanOrdinalNumbers = Numbers(nameof(PlanOrdinalNumbers));
    public static readonly HashSet<string> DollarWords = S(nameof(DollarWords));
    public static readonly HashSet<string> MultipleWords = S(nameof(MultipleWords));
    public static readonly HashSet<string> YuanCodes = S(nameof(YuanCodes));
    public static readonly HashSet<string> ThresholdWords = S(nameof(ThresholdWords));
    public static readonly HashSet<string> QualifierGapWords = S(nameof(QualifierGapWords));
    public static readonly HashSet<string> CurrencyPrefixWords = S(nameof(CurrencyPrefixWords));
    public static readonly HashSet<string> UsdPrefixWords = S(nameof(UsdPrefixWords));
    public static readonly HashSet<string> Negations = S(nameof(Negations));
    public static readonly HashSet<string> GrowthWordsNotChange = S(nameof(GrowthWordsNotChange));
    public static readonly HashSet<string> RespectivelyGapTerms = S(nameof(RespectivelyGapTerms));
    public static readonly HashSet<string> HighTechStart = S(nameof(HighTechStart));
    public static readonly HashSet<string> January = S(nameof(January));
    public static readonly HashSet<string> December = S(nameof(December));
    public static readonly HashSet<string> HalfDeterminers = S(nameof(HalfDeterminers));
    public static readonly HashSet<string> MonthWords = S(nameof(MonthWords));
    public static readonly HashSet<string> PlacePrepositions = S(nameof(PlacePrepositions));
    public static readonly HashSet<string> EachWords = S(nameof(EachWords));
    public static readonly Dictionary<string, double> NumberWords = Numbers(nameof(NumberWords));
    // Words the rules compare that the lexicon does not list (see Unlisted).
    public static readonly string Follows = UnlistedWord(nameof(Follows)), After = UnlistedWord(nameof(After)), Economy = UnlistedWord(nameof(Economy)), Resident = UnlistedWord(nameof(Resident)),
        Both = UnlistedWord(nameof(Both)), Well = UnlistedWord(nameof(Well)), UsDottedFirst = UnlistedWord(nameof(UsDottedFirst)), UsDottedSecond = UnlistedWord(nameof(UsDottedSecond)), Being = UnlistedWord(nameof(Being)), Set = UnlistedWord(nameof(Set)), So = UnlistedWord(nameof(So)),
        Close = UnlistedWord(nameof(Close)), Excess = UnlistedWord(nameof(Excess)), NationName = UnlistedWord(nameof(NationName));
    public static readonly HashSet<string> Pronouns = Unlisted(nameof(Pronouns));
    public static readonly HashSet<string> NotDestinationAfterOf = Unlisted(nameof(NotDestinationAfterOf));
    public static readonly HashSet<string> NotIncomeOfPeople = Unlisted(nameof(NotIncomeOfPeople));
    public static readonly HashSet<string> ResidentWords = Unlisted(nameof(ResidentWords));
    public static readonly HashSet<string> PeopleWords = Unlisted(nameof(PeopleWords));
    public static readonly HashSet<string> IncomeGapNouns = Unlisted(nameof(IncomeGapNouns));
    public static readonly HashSet<string> NotAmountOfIndicator = Unlisted(nameof(NotAmountOfIndicator));
    public static readonly HashSet<string> TotalWords = Unlisted(nameof(TotalWords));
    public static readonly HashSet<string> BeingWords = Unlisted(nameof(BeingWords));
    public static readonly HashSet<string> PastSpanLeadIns = Unlisted(nameof(PastSpanLeadIns));
    public static readonly HashSet<string> ClauseJoiners = Unlisted(nameof(ClauseJoiners));
    public static readonly HashSet<string> NotPerYearAfterAYear = Unlisted(nameof(NotPerYearAfterAYear));
    public static readonly HashSet<string> LessComparatives = Unlisted(nameof(LessComparatives));
    public static readonly HashSet<string> MoreComparatives = Unlisted(nameof(MoreComparatives));
    public static readonly HashSet<string> InExcessWords = Unlisted(nameof(InExcessWords));
    public static readonly HashSet<string> MonthRangeWords = Unlisted(nameof(MonthRangeWords));
    public static readonly HashSet<string> MonthsCountWords = Unlisted(nameof(MonthsCountWords));
    public static readonly HashSet<string> GapWords = Unlisted(nameof(GapWords));
    public static readonly HashSet<string> NationwideWords = Unlisted(nameof(NationwideWords));
    public static readonly HashSet<string> TradeTotalAfterPair = Unlisted(nameof(TradeTotalAfterPair));
    /// <summary>The name of the report in Chinese: a title line holds it.</summary>
    public static readonly string ChineseReportTitle = UnlistedWord(nameof(ChineseReportTitle));

    /// <summary>Scale words and their factors (each language's file fills the sets: "billion", "bn", 万, 亿).</summary>
    private static readonly string[] ScaleTrillion = ExtractionData.Words(nameof(ScaleTrillion)), ScaleBillion = ExtractionData.Words(nameof(ScaleBillion)),
        ScaleHundredMillion = ExtractionData.Words(nameof(ScaleHundredMillion)), ScaleMillion = ExtractionData.Words(nameof(ScaleMillion)),
        ScaleTenThousand = ExtractionData.Words(nameof(ScaleTenThousand)), ScaleThousand = ExtractionData.Words(nameof(ScaleThousand));
    public static readonly Dictionary<string, double> Scales = BuildScales();
    /// <summary>Currency codes glued to a number ("RMB1.2 trillion"), units after a decimal a PDF split ("3. 16 billion"), abbreviations whose full stop ends no sentence.</summary>
    public static readonly string[] CurrencyCodes = ExtractionData.Words(nameof(CurrencyCodes)),
        PdfDecimalUnits = Array.ConvertAll(ExtractionData.Words(nameof(PdfDecimalUnits)), w => w.Replace('_', ' ')),
        Abbreviations = ExtractionData.Words(nameof(Abbreviations));

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
