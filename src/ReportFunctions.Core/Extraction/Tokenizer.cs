namespace ReportFunctions.Core.Extraction;

internal enum TokKind : byte { Word, Number, Punct, Break }

/// <summary>One token of a report; offsets are into the ORIGINAL text (normalisation is length-preserving).</summary>
internal struct Token
{
    public int Start;
    public int End;
    public TokKind Kind;
    /// <summary>For words of the lexicon: the lower-case word (interned); otherwise null.</summary>
    public string? W;
    /// <summary>For punctuation: the (normalised) character.</summary>
    public char P;
    /// <summary>Word starts with an upper-case letter.</summary>
    public bool Cap;
    public double Num;
    public bool IsInt;
    public bool IsYear;
    /// <summary>Word was followed by a possessive 's (dropped).</summary>
    public bool Poss;
    /// <summary>Number written with a leading minus sign.</summary>
    public bool Minus;

    public readonly bool IsP(char c) => Kind == TokKind.Punct && P == c;
    public readonly bool Is(string w) => Kind == TokKind.Word && W == w;
}

/// <summary>
/// Hand-written, linear-time tokenizer. Treats non-breaking and doubled spaces, curly quotes, CRLF, BOM,
/// PDF artifacts (<c>29. 14-billion</c>, <c>high- tech</c>, words hyphenated across line breaks,
/// missing apostrophes) without changing offsets.
/// </summary>
internal static class Tokenizer
{
    public static char Norm(char c)
    {
        if (c < 0x80) return c is '\t' or '\r' or '\f' or '\v' ? ' ' : c == '`' ? '\'' : c;
        return NormSlow(c);
    }

    private static char NormSlow(char c) => c switch
    {
        '\u00A0' or '\u2007' or '\u202F' or '\u3000' or '\uFEFF' or '\u200B' or '\t' or '\r' or '\f' or '\v' => ' ',
        '\u2018' or '\u2019' or '\u2032' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u00AB' or '\u00BB' or '\u300C' or '\u300D' => '"',
        '\u2013' or '\u2212' or '\u2010' or '\u2011' or '\uFE63' or '\uFF0D' => '-',
        '\u2014' or '\u2015' => ',',
        >= '\uFF10' and <= '\uFF19' => (char)('0' + (c - '\uFF10')), '\uFF0E' => '.', // full-width digits and point: "５６９０．３"
        '\u3002' => '.', '\uFF0C' or '\u3001' => ',', '\uFF1B' => ';', '\uFF1A' => ':', '\uFF05' => '%', '\uFF08' => '(', '\uFF09' => ')',
        _ => c,
    };

    private static bool IsLetter(char c) => char.IsAsciiLetter(c) || (c > 127 && char.IsLetter(c) && !IsCjk(c));
    /// <summary>A Han character (CJK unified ideographs and extension A): Chinese text, cut into words by the segmenter.</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private static bool IsCjk(char c) => c is >= '\u3000' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    /// <summary>A line of Chinese at least this long that ends mid-sentence was wrapped (PDF text), not ended.</summary>
    private const int ChineseWrapLine = 20;

    public static TokenList Tokenize(string s)
    {
        var toks = new TokenList(s.Length / 5 + 16);
        var n = s.Length;
        var i = 0;
        var sawNewline = false;
        var blankLine = false;
        int lineStart = 0, lastLineLength = 0;
        Span<char> buf = stackalloc char[48];
        Span<char> hz = stackalloc char[32]; // a Chinese word being matched, without line breaks
        Span<int> ends = stackalloc int[32];
        Dictionary<string, string>? local = null;
        while (i < n)
        {
            var c = Norm(s[i]);
            if (c == ' ') { i++; continue; }
            if (c == '\n') { blankLine = sawNewline; if (!sawNewline) lastLineLength = i - lineStart; sawNewline = true; lineStart = i + 1; i++; continue; }
            if (sawNewline)
            {
                sawNewline = false;
                // a blank line always ends a paragraph; a single line end only where the next line cannot go on the sentence
                var blank = blankLine;
                blankLine = false;
                // Chinese text wrapped mid-sentence ("...一般公共预算收入增长\n7.3%"): a long line ending in a character or number goes on
                var wrapped = !blank && lastLineLength >= ChineseWrapLine && toks.Count > 0 && (IsHan(c) || char.IsAsciiDigit(c))
                              && (toks.Last.Kind == TokKind.Number || toks.Last.Kind == TokKind.Word && IsHan(s[toks.Last.End - 1]));
                if (toks.Count > 0 && toks.Last.Kind != TokKind.Break && !wrapped && (blank || NewlineBreaks(toks.Last, c) || ListMarkerAt(s, i)))
                    toks.Add(new Token { Start = i, End = i, Kind = TokKind.Break });
            }
            if (IsHan(c))
            {
                // Chinese: the longest word of the vocabulary at this point, else one character. A word may run across a
                // line wrapped mid-word ("地区生产总\n值"): its characters are gathered without the line break.
                var cap = Math.Min(Math.Min(Lexicon.ChineseMaxWordFrom.GetValueOrDefault(c, 1), 32), n - i);
                var got = 0;
                var p = i;
                while (got < cap && p < n)
                {
                    if (IsHan(s[p])) { hz[got] = s[p]; ends[got++] = ++p; continue; }
                    var q = p;
                    while (q < n && (s[q] is ' ' or '\r' or '\u3000')) q++;
                    if (q < n && s[q] == '\n' && got > 0) { q++; while (q < n && (s[q] is ' ' or '\r' or '\u3000')) q++; }
                    if (q > p && q < n && IsHan(s[q]) && s.AsSpan(p, q - p).Contains('\n')) { p = q; continue; }
                    break;
                }
                var len = 1;
                for (var l = got; l >= 2; l--)
                    if (ChineseWords.TryGetValue(hz[..l], out _)) { len = l; break; }
                // "六千一百亿元", "百分之二十一点五", "三万二千二百元": a number in Chinese numerals
                if (len == 1 && ChineseNumerals.TryRead(s, i, toks.Count > 0 ? toks.Last : default, out var numEnd, out var numValue, out var numInt))
                {
                    toks.Add(new Token { Start = i, End = numEnd, Kind = TokKind.Number, Num = numValue, IsInt = numInt, IsYear = false });
                    i = numEnd;
                    continue;
                }
                var endAt = ends[len - 1];
                toks.Add(new Token { Start = i, End = endAt, Kind = TokKind.Word, W = Intern(len == endAt - i ? s.AsSpan(i, len) : hz[..len], ref local) });
                i = endAt;
                continue;
            }
            if (IsLetter(c))
            {
                var start = i;
                var len = 0;
                var overflow = false;
                var cap = char.IsUpper(c);
                var poss = false;
                var hash = 2166136261u;
                while (i < n)
                {
                    var d = Norm(s[i]);
                    if (char.IsAsciiDigit(d) && len is 2 or 3 && IsCurrencyCode(buf[..len])) break; // RMB1.2 trillion, USD3 billion
                    if (IsLetter(d) || char.IsAsciiDigit(d))
                    {
                        if (len < buf.Length) { var lc = char.ToLowerInvariant(d); buf[len++] = lc; hash = (hash ^ lc) * 16777619u; } else overflow = true;
                        i++;
                        continue;
                    }
                    if (d == '&' && i + 1 < n && IsLetter(Norm(s[i + 1])) && len > 0 && len <= 3)
                    {
                        if (len < buf.Length) { buf[len++] = '&'; hash = (hash ^ '&') * 16777619u; }
                        i++;
                        continue;
                    }
                    if (d == '\'' && i + 1 < n)
                    {
                        var e = Norm(s[i + 1]);
                        var afterS = i + 2 < n ? Norm(s[i + 2]) : ' ';
                        if ((e == 's' || e == 'S') && !IsLetter(afterS)) { i += 2; poss = true; break; } // possessive: drop
                        if (IsLetter(e)) { i++; continue; } // Xi'an: keep in span, drop from key
                        i++; // trailing apostrophe (residents')
                        break;
                    }
                    if (d == '-' && i + 1 < n)
                    {
                        // word hyphenated across a line break: "enter-\nprises"
                        var j = i + 1;
                        var nl = false;
                        while (j < n && j - i < 6) { var e = Norm(s[j]); if (e == '\n') nl = true; else if (e != ' ') break; j++; }
                        if (nl && j < n && char.IsAsciiLetterLower(Norm(s[j]))) { i = j; continue; }
                    }
                    break;
                }
                var tok = new Token { Start = start, End = i, Kind = TokKind.Word, Cap = cap, Poss = poss };
                if (!overflow)
                {
                    // "Surveyedunemployment", "GDPgrowth": two words glued where a PDF lost the space
                    tok.W = Recent(buf[..len], hash, len >= 7 && i - start == len + (poss ? 2 : 0), out var glued, ref local);
                    if (glued > 0)
                    {
                        toks.Add(new Token { Start = start, End = start + glued, Kind = TokKind.Word, Cap = cap, W = Intern(buf[..glued], ref local) });
                        toks.Add(new Token { Start = start + glued, End = i, Kind = TokKind.Word, Poss = poss, W = Intern(buf[glued..len], ref local) });
                        continue;
                    }
                }
                toks.Add(tok);
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                double intPart = 0;
                var digits = 0;
                var comma = false;
                while (i < n)
                {
                    var d = Norm(s[i]);
                    if (char.IsAsciiDigit(d)) { if (digits < 15) intPart = intPart * 10 + (d - '0'); digits++; i++; continue; }
                    if (d == ',' && digits > 0 && digits <= 15 && Three(s, i + 1) && (i + 4 >= n || !char.IsAsciiDigit(s[i + 4])))
                    { comma = true; i++; continue; }
                    break;
                }
                double frac = 0, scale = 1;
                var isInt = true;
                if (i + 1 < n && Norm(s[i]) == '.' && char.IsAsciiDigit(Norm(s[i + 1])))
                {
                    isInt = false; i++;
                    while (i < n && char.IsAsciiDigit(Norm(s[i]))) { if (scale < 1e12) { scale *= 10; frac = frac * 10 + (Norm(s[i]) - '0'); } i++; }
                }
                else if (i + 2 < n && s[i] == '.' && Norm(s[i + 1]) == ' ' && char.IsAsciiDigit(s[i + 2]) && !comma && digits <= 4
                         && !(digits == 4 && intPart is >= 1900 and <= 2100) && PdfDecimalFollows(s, i + 2))
                {
                    isInt = false; i += 2;
                    while (i < n && char.IsAsciiDigit(Norm(s[i]))) { if (scale < 1e12) { scale *= 10; frac = frac * 10 + (Norm(s[i]) - '0'); } i++; }
                }
                if (i < n && IsLetter(Norm(s[i])) && !GluedUnitAt(s, i, buf))
                {
                    // 14th, 5G, 2nd: not a quantity
                    while (i < n && (IsLetter(Norm(s[i])) || char.IsAsciiDigit(s[i]))) i++;
                    var wl = Math.Min(i - start, buf.Length);
                    for (var k = 0; k < wl; k++) buf[k] = char.ToLowerInvariant(s[start + k]);
                    toks.Add(new Token { Start = start, End = i, Kind = TokKind.Word, W = i - start <= buf.Length ? Intern(buf[..wl], ref local) : null });
                    continue;
                }
                var v = intPart + frac / scale;
                var minus = start > 0 && Norm(s[start - 1]) == '-' && (start < 2 || !(IsLetter(Norm(s[start - 2])) || char.IsAsciiDigit(s[start - 2]) || Norm(s[start - 2]) == '%')); // "5%-5.5%" is a range
                if (minus && toks.Count > 0 && toks.Last.IsP('-') && toks.Last.End == start) toks.RemoveLast();
                toks.Add(new Token
                {
                    Start = minus ? start - 1 : start, End = i, Kind = TokKind.Number, Num = v, IsInt = isInt, Minus = minus,
                    IsYear = isInt && !comma && digits == 4 && v is >= 1949 and <= 2070,
                });
                continue;
            }
            switch (c)
            {
                case '%': case '$': case ',': case ';': case ':': case '!': case '?': case '(': case ')': case '-': case '~': case '/': case '.': case '+': case '￥': case '¥':
                    toks.Add(new Token { Start = i, End = i + 1, Kind = TokKind.Punct, P = c == '￥' ? '¥' : c });
                    break;
            }
            i++;
        }
        return toks;
    }

    // Words seen in any document, shared by all threads (bounded; past the bound, per-document strings).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Shared = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SharedSpan =
        Shared.GetAlternateLookup<ReadOnlySpan<char>>();
    private const int SharedLimit = 50_000;

    /// <summary>A word of <see cref="Recent"/>'s cache: its spelling, and where it splits as two glued words (-1: not yet asked).</summary>
    private struct RecentWord
    {
        public string? Word;
        public int Glued;
    }

    [ThreadStatic] private static RecentWord[]? _recent;

    /// <summary>
    /// A small direct-mapped cache of recent words in front of <see cref="Intern"/> and, when <paramref name="mayBeGlued"/>,
    /// <see cref="GluedSplit"/> (<paramref name="glued"/>: where the word splits, else 0).
    /// </summary>
    private static string Recent(ReadOnlySpan<char> w, uint hash, bool mayBeGlued, out int glued, ref Dictionary<string, string>? local)
    {
        var cache = _recent ??= new RecentWord[4096];
        ref var hit = ref cache[(int)(hash & 4095)];
        if (hit.Word is not null && w.SequenceEqual(hit.Word))
        {
            if (mayBeGlued && hit.Glued < 0) hit.Glued = GluedSplit(w);
            glued = mayBeGlued ? hit.Glued : 0;
            return hit.Word;
        }
        glued = mayBeGlued ? GluedSplit(w) : 0;
        // the lexicon's word may differ from the text's (residentss -> residents): key the cache by the text's spelling only when equal
        var s = Intern(w, ref local);
        if (w.SequenceEqual(s)) hit = new RecentWord { Word = s, Glued = mayBeGlued ? glued : -1 };
        return s;
    }

    /// <summary>One string instance per distinct word: the lexicon's, else a shared or per-document one.</summary>
    private static string Intern(ReadOnlySpan<char> w, ref Dictionary<string, string>? local)
    {
        if (SharedSpan.TryGetValue(w, out var s)) return s;
        if (local is not null && local.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out s)) return s;
        s = Lexicon.Lookup(w) ?? new string(w);
        if (Shared.Count < SharedLimit && w.Length <= 24) Shared.TryAdd(new string(w), s);
        else (local ??= new Dictionary<string, string>(StringComparer.Ordinal))[new string(w)] = s;
        return s;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ChineseWords = Lexicon.ChineseVocabulary.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Glued = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> GluedSpan =
        Glued.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Where an unknown word splits into a known word and an indicator's first word or a unit ("surveyed|unemployment",
    /// "gdp|growth"), else 0. Decided once per distinct word.
    /// </summary>
    private static int GluedSplit(ReadOnlySpan<char> w)
    {
        if (GluedSpan.TryGetValue(w, out var at)) return at;
        at = 0;
        if (Lexicon.Lookup(w) is null)
            for (var p = 3; p <= w.Length - 3 && at == 0; p++)
                if (Lexicon.Lookup(w[..p]) is { } head && !Lexicon.Function.Contains(head) && Lexicon.Lookup(w[p..]) is { } tail && Lexicon.GluedTails.Contains(tail))
                    at = p;
        if (Glued.Count < SharedLimit) Glued.TryAdd(new string(w), at);
        return at;
    }

    /// <summary>"23,400yuan", "5.8percent": a unit glued to its number.</summary>
    private static bool GluedUnitAt(string s, int i, Span<char> buf)
    {
        var len = 0;
        while (i + len < s.Length && IsLetter(Norm(s[i + len])) && len < buf.Length) { buf[len] = char.ToLowerInvariant(Norm(s[i + len])); len++; }
        if (i + len < s.Length && char.IsAsciiDigit(s[i + len])) return false;
        return Lexicon.Lookup(buf[..len]) is { } w && Lexicon.GluedUnits.Contains(w);
    }

    private static bool IsCurrencyCode(ReadOnlySpan<char> w)
    {
        foreach (var code in Lexicon.CurrencyCodes) if (w.SequenceEqual(code)) return true;
        return false;
    }

    private static bool Three(string s, int at) =>
        at + 2 < s.Length && char.IsAsciiDigit(s[at]) && char.IsAsciiDigit(s[at + 1]) && char.IsAsciiDigit(s[at + 2]);

    /// <summary>"3. 16 billion", "29. 14-billion-yuan", "20. 7%": digits then a unit right after.</summary>
    private static bool PdfDecimalFollows(string s, int at)
    {
        var i = at;
        var nd = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; nd++; }
        if (nd > 3) return false;
        while (i < s.Length && (Norm(s[i]) == ' ' || s[i] == '-') && i - at < nd + 3) i++;
        if (i >= s.Length) return false;
        if (s[i] == '%' || s[i] == '％') return true;
        var rest = s.AsSpan(i, Math.Min(8, s.Length - i));
        foreach (var u in Lexicon.PdfDecimalUnits) if (rest.StartsWith(u, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>"1. GDP ...", "2) CPI ...", "(3) New urban jobs ...": a numbered list item starting a line.</summary>
    private static bool ListMarkerAt(string s, int i)
    {
        var p = i;
        if (p < s.Length && s[p] == '(') p++;
        var d = p;
        while (p < s.Length && p - d < 2 && char.IsAsciiDigit(s[p])) p++;
        if (p == d || p >= s.Length || s[p] is not ('.' or ')')) return false;
        p++;
        if (p >= s.Length || s[p] != ' ') return false;
        while (p < s.Length && s[p] == ' ') p++;
        return p < s.Length && char.IsAsciiLetter(s[p]);
    }

    private static bool NewlineBreaks(in Token prev, char next)
    {
        if (prev.Kind == TokKind.Break) return false;
        if (char.IsAsciiLetterLower(next)) return false;
        if (prev.Kind == TokKind.Punct && prev.P is ',' or ';' or ':' or '-' or '(' or '/' or '.' or '!' or '?') return false;
        if (prev.Kind == TokKind.Word && prev.W is not null && Lexicon.Function.Contains(prev.W)) return false;
        // "total imports and exports reached\n885.0 billion yuan": a lower-case word then an amount on the next line goes on
        if (prev.Kind == TokKind.Word && !prev.Cap && (char.IsAsciiDigit(next) || next is '$' or '¥' or '￥')) return false;
        return true;
    }
}
