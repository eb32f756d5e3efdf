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

    private static string Reg(string w)
    {
        if (Vocab.TryGetValue(w, out var e)) return e;
        Vocab[w] = w;
        return w;
    }

    private static HashSet<string> S(string words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) set.Add(Reg(w));
        return set;
    }

    // Order matters: everything below registers into Vocab.
    public static readonly HashSet<string> Function = S("the of and in to a an for with by at on from as or its their our this that which");
    public static readonly HashSet<string> Transparent = S("the");

    public static readonly Dictionary<string, double> Scales = new()
    {
        [Reg("trillion")] = 1e12, [Reg("billion")] = 1e9, [Reg("million")] = 1e6, [Reg("thousand")] = 1e3, [Reg("bn")] = 1e9, [Reg("mn")] = 1e6,
    };
    public static readonly string Hundred = Reg("hundred"), Ten = Reg("ten");
    public static readonly Dictionary<string, double> NumberWords = new()
    {
        [Reg("one")] = 1, [Reg("two")] = 2, [Reg("three")] = 3, [Reg("four")] = 4, [Reg("five")] = 5, [Reg("six")] = 6, [Reg("seven")] = 7,
        [Reg("eight")] = 8, [Reg("nine")] = 9, [Reg("ten")] = 10, [Reg("twenty")] = 20, [Reg("thirty")] = 30, [Reg("forty")] = 40,
        [Reg("fifty")] = 50, [Reg("hundred")] = 100, [Reg("a")] = 1,
    };
    public static readonly HashSet<string> Yuan = S("yuan rmb cny renminbi");
    public static readonly HashSet<string> Usd = S("usd dollar dollars us");
    public static readonly HashSet<string> Percent = S("percent pct");
    public static readonly string Per = Reg("per"), Cent = Reg("cent"), Point = Reg("point"), Percentage = Reg("percentage"), Points = Reg("points");
    public static readonly string Years = Reg("years"), Year = Reg("year"), Old = Reg("old");
    public static readonly string Respectively = Reg("respectively"), Respective = Reg("respective");
    public static readonly string From = Reg("from"), To = Reg("to"), And = Reg("and"), Between = Reg("between"), Of = Reg("of"), In = Reg("in"), By = Reg("by");
    public static readonly string Nominal = Reg("nominal"), Real = Reg("real"), Terms = Reg("terms");
    public static readonly HashSet<string> Months = S("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec");

    // Qualifiers (single words; multi-word ones are checked in code).
    public static readonly HashSet<string> About = S("about around approximately nearly roughly some approx");
    public static readonly HashSet<string> Above = S("over exceed exceeds exceeded exceeding above surpass surpassed surpassing topped tops topping");
    public static readonly HashSet<string> Below = S("below under within");
    public static readonly string More = Reg("more"), Less = Reg("less"), Than = Reg("than"), No = Reg("no"), Not = Reg("not"), At = Reg("at"), Least = Reg("least"), Most = Reg("most"), Up = Reg("up");

    public static readonly HashSet<string> Decrease = S("decrease decreased decreases decreasing decline declined declines declining fell fall falls falling drop dropped drops dropping down dip dipped shrank shrink shrinks contracted contraction reduction reduced negative slid slipped plunged plummeted");
    public static readonly HashSet<string> GrowthWords = S("increase increased increases increasing growth grow grew grows growing up rise rose rising rises expand expanded expansion higher average annual annually year on surge surged surging soar soared soaring jump jumped jumping climb climbed climbing");
    public static readonly HashSet<string> TargetCues = S("will shall strive striving target targets targeted expected expect expects goal goals aim aims aiming projected should must plan plans planning envisaged strives endeavor endeavour");
    public static readonly HashSet<string> TargetHeader = S("goals targets target objectives goal");
    public static readonly HashSet<string> ShareWords = S("share proportion ratio percentage accounted accounting account accounts contribution contributed rate ranking ranked rank times gap coverage");
    public static readonly HashSet<string> AreaWords = S("county counties district districts port ports zone zones park parks township townships town towns village villages prefecture borough bay cities");
    public static readonly HashSet<string> NationWords = S("national nationwide nation country china countrys nations chinas");
    public static readonly HashSet<string> ProvinceWords = S("province provincial provinces provincewide");
    public static readonly HashSet<string> PeriodPartWords = S("quarter quarters half months month semester");
    public static readonly HashSet<string> NewWords = S("new newly added additional nurtured cultivated identified recognized recognised certified");
    public static readonly HashSet<string> RankWords = S("ranking ranked rank ranks first second third top among leading led lead highest");
    public static readonly HashSet<string> Accumulated = S("accumulated cumulative cumulatively aggregate");
    public static readonly HashSet<string> PastVerbs = S("reached was were increased grew rose registered hit amounted totaled totalled realized achieved decreased fell exceeded created dropped declined stood remained recorded completed topped expanded jumped had has");
    public static readonly HashSet<string> LivelihoodWords = S("livelihood livelihoods wellbeing welfare");
    public static readonly HashSet<string> ExpenditureWords = S("expenditure expenditures expense expenses spending");
    public static readonly HashSet<string> Comparatives = S("higher lower faster slower");
    public static readonly HashSet<string> YearWordsLast = S("last past previous");
    public static readonly HashSet<string> Ordinals = S("12th 13th 14th 15th 11th twelfth thirteenth fourteenth fifteenth eleventh");
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

    /// <summary>Concept phrases, longest first per first word. Hyphens and "the" are skipped when matching.</summary>
    public static readonly Dictionary<string, List<(string[] Words, Concept C)>> Phrases = BuildPhrases();

    private static Dictionary<string, List<(string[], Concept)>> BuildPhrases()
    {
        var list = new List<(string, Concept)>
        {
            ("gdp", Concept.Gdp), ("gross domestic product", Concept.Gdp), ("gross regional product", Concept.Gdp), ("regional gross domestic product", Concept.Gdp),
            ("economic aggregate", Concept.Gdp), ("total economic output", Concept.Gdp), ("economic output", Concept.Gdp), ("economic volume", Concept.Gdp),
            ("total economic volume", Concept.Gdp), ("economic growth", Concept.Gdp), ("aggregate economic output", Concept.Gdp), ("grp", Concept.Gdp),
            ("per capita gdp", Concept.GdpPerCapita), ("gdp per capita", Concept.GdpPerCapita), ("per capita gross domestic product", Concept.GdpPerCapita),
            ("industrial added value", Concept.IndustrialVa), ("industrial value added", Concept.IndustrialVa), ("industrial valueadded", Concept.IndustrialVa),
            ("added value of industrial", Concept.IndustrialVa), ("value added of industrial", Concept.IndustrialVa), ("added value of industry", Concept.IndustrialVa),
            ("value added of industry", Concept.IndustrialVa), ("added value of industries above designated size", Concept.IndustrialVa),
            ("value added of industries above designated size", Concept.IndustrialVa), ("added value of industries above scale", Concept.IndustrialVa),
            ("industries above designated size", Concept.IndustrialVa), ("industrial enterprises above designated size", Concept.IndustrialVa),
            ("industrial output above designated size", Concept.IndustrialVa), ("value added of industries above a designated size", Concept.IndustrialVa),
            ("added value of industries above a designated size", Concept.IndustrialVa), ("added value of large industrial", Concept.IndustrialVa),
            ("fixed asset investment", Concept.Fai), ("fixed assets investment", Concept.Fai), ("investment in fixed assets", Concept.Fai), ("investment in fixed asset", Concept.Fai),
            ("fixedasset investment", Concept.Fai), ("fixed investment", Concept.Fai), ("investments in fixed assets", Concept.Fai),
            ("retail sales", Concept.Retail), ("total retail sales", Concept.Retail), ("retail sales of consumer goods", Concept.Retail), ("retail sale", Concept.Retail),
            ("foreign trade", Concept.Trade), ("total imports and exports", Concept.Trade), ("imports and exports", Concept.Trade), ("import and export", Concept.Trade),
            ("import export", Concept.Trade), ("imports exports", Concept.Trade), ("total import and export", Concept.Trade), ("foreign trade volume", Concept.Trade),
            ("total foreign trade", Concept.Trade), ("exports and imports", Concept.Trade), ("export and import", Concept.Trade), ("total trade", Concept.Trade),
("imports", Concept.Imports), ("total imports", Concept.Imports), ("import", Concept.Imports),
            ("exports", Concept.Exports), ("export", Concept.Exports), ("total exports", Concept.Exports), ("total export", Concept.Exports),
            ("foreign capital", Concept.Fdi), ("fdi", Concept.Fdi), ("foreign direct investment", Concept.Fdi), ("actual use of foreign investment", Concept.Fdi),
            ("actually utilized foreign investment", Concept.Fdi), ("utilized foreign investment", Concept.Fdi), ("utilization of foreign investment", Concept.Fdi),
            ("foreign investment actually used", Concept.Fdi), ("foreign investment actually utilized", Concept.Fdi), ("actually used foreign investment", Concept.Fdi),
            ("actual utilization of foreign investment", Concept.Fdi), ("overseas capital", Concept.Fdi), ("foreign funds", Concept.Fdi),
            ("general public budget revenue", Concept.PublicBudgetRevenue), ("general public budget revenues", Concept.PublicBudgetRevenue),
            ("general budget revenue", Concept.PublicBudgetRevenue), ("public budget revenue", Concept.PublicBudgetRevenue),
            ("general public budgetary revenue", Concept.PublicBudgetRevenue), ("revenue of general public budget", Concept.PublicBudgetRevenue),
            ("general public budget income", Concept.PublicBudgetRevenue), ("general public budget revenue of local", Concept.PublicBudgetRevenue),
            ("revenue in general public budget", Concept.PublicBudgetRevenue), ("general public revenue", Concept.PublicBudgetRevenue),
            ("fiscal revenue", Concept.FiscalRevenue), ("total fiscal revenue", Concept.FiscalRevenue), ("fiscal revenues", Concept.FiscalRevenue), ("fiscal income", Concept.FiscalRevenue),
            ("r&d", Concept.Rd), ("r d", Concept.Rd), ("research and development", Concept.Rd), ("rd", Concept.Rd),
            ("urbanization rate", Concept.Urbanization), ("urbanisation rate", Concept.Urbanization), ("urbanization level", Concept.Urbanization),
            ("rate of urbanization", Concept.Urbanization), ("urbanization", Concept.Urbanization),
            ("cpi", Concept.Cpi), ("consumer prices", Concept.Cpi), ("consumer price index", Concept.Cpi), ("consumer price", Concept.Cpi), ("consumer price level", Concept.Cpi),
            ("unemployment rate", Concept.Unemployment), ("jobless rate", Concept.Unemployment), ("unemployment rates", Concept.Unemployment),
            ("new urban jobs", Concept.Jobs), ("urban jobs", Concept.Jobs), ("new jobs", Concept.Jobs), ("new urban employment", Concept.Jobs), ("jobs in urban areas", Concept.Jobs),
            ("new jobs in urban areas", Concept.Jobs), ("urban employment", Concept.Jobs), ("newly employed urban", Concept.Jobs), ("new urban employed", Concept.Jobs),
            ("high tech enterprises", Concept.HighTech), ("hightech enterprises", Concept.HighTech), ("high tech companies", Concept.HighTech),
            ("high and new technology enterprises", Concept.HighTech), ("high and new tech enterprises", Concept.HighTech), ("new and high technology enterprises", Concept.HighTech),
            ("hi tech enterprises", Concept.HighTech), ("high technology enterprises", Concept.HighTech), ("national high tech enterprises", Concept.HighTech),
            ("hightech companies", Concept.HighTech), ("high tech firms", Concept.HighTech),
            ("life expectancy", Concept.LifeExpectancy), ("average life expectancy", Concept.LifeExpectancy), ("average life span", Concept.LifeExpectancy),
            ("life expectancy per capita", Concept.LifeExpectancy), ("average lifespan", Concept.LifeExpectancy), ("per capita life expectancy", Concept.LifeExpectancy),
        };
        var d = new Dictionary<string, List<(string[], Concept)>>(StringComparer.Ordinal);
        foreach (var (p, c) in list)
        {
            var words = p.Split(' ').Select(Reg).ToArray();
            if (!d.TryGetValue(words[0], out var l)) d[words[0]] = l = [];
            l.Add((words, c));
        }
        foreach (var l in d.Values) l.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        return d;
    }
}
