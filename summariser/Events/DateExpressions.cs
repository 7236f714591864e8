using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using NewsBrief.Core.Domain;

namespace NewsBrief.Summariser.Events;

/// <summary>
/// Finds the date expressions of an English sentence and resolves each against the publication date, keeping
/// its precision: "today", "tomorrow", "on Thursday", "next Tuesday", "this week", "next month", "on 13 February",
/// "Feb. 13, 2025", "in March", "January 2026", "by the end of the year". One left-to-right regex pass: linear in
/// the sentence. Pure.
/// </summary>
public static partial class DateExpressions
{
    private const string Weekday = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    private const string Month = @"January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?";
    private const string FullMonth = "January|February|March|April|May|June|July|August|September|October|November|December";

    private static readonly SearchValues<string> Triggers = SearchValues.Create(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "may", "jun", "jul",
         "aug", "sep", "oct", "nov", "dec", "today", "tonight", "tomorrow", "yesterday", "this morning", "this afternoon", "this evening",
         "week", "month", "year"], StringComparison.OrdinalIgnoreCase);

    /// <summary>How far back a day-and-month without a year is read as past rather than next year's.</summary>
    public const int PastWindowDays = 100;

    public static IReadOnlyList<ResolvedDate> Find(string sentence, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        // Most sentences name no day, month or period at all: a vectorised search for the words every date
        // expression contains spares them the full expression (which tries its alternatives at every position).
        if (sentence.AsSpan().IndexOfAny(Triggers) < 0) return [];
        var found = new List<ResolvedDate>();
        foreach (Match m in Expression().Matches(sentence))
        {
            var date = Resolve(sentence, m, published);
            if (date is not null) found.Add(date);
        }
        return found;
    }

    private static ResolvedDate? Resolve(string sentence, Match m, DateOnly p)
    {
        var text = m.Value;
        var lead = m.Groups["lead"].Value.ToLowerInvariant().Trim();
        // "runs until Friday" ends something; "will not become official until January" starts it.
        var isEnd = lead is "until" or "till" or "through" or "to"
            && !(lead == "until" && sentence.AsSpan(Math.Max(0, m.Index - 60), Math.Min(60, m.Index)).Contains(" not ", StringComparison.Ordinal));
        ResolvedDate? r = null;
        if (m.Groups["d1"].Success || m.Groups["d2"].Success)
            r = DayOfMonth(m, p);
        else if (m.Groups["my"].Success)
            r = Make(new DateOnly(int.Parse(m.Groups["my"].Value, CultureInfo.InvariantCulture), MonthNumber(m.Groups["mm"].Value), 1), EventPrecision.Month, p);
        else if (m.Groups["rel"].Success)
            r = Relative(m.Groups["rel"].Value.ToLowerInvariant(), p);
        else if (m.Groups["unit"].Success)
            r = Unit(m.Groups["mod"].Value.ToLowerInvariant(), m.Groups["unit"].Value.ToLowerInvariant(), p);
        else if (m.Groups["endof"].Success)
            r = EndOf(m.Groups["endmod"].Value.ToLowerInvariant(), m.Groups["endunit"].Value.ToLowerInvariant(), p);
        else if (m.Groups["wd"].Success)
            r = WeekdayDate(m.Groups["wdmod"].Value.ToLowerInvariant(), m.Groups["wd"].Value, p);
        else if (m.Groups["mo"].Success)
            r = MonthAlone(m.Groups["mo"].Value, m.Groups["mopre"].Value.ToLowerInvariant(), p);
        else if (m.Groups["year"].Success)
            r = new ResolvedDate(new DateOnly(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), 1, 1), EventPrecision.Month, 0, 0, "") { Vague = true };
        if (r is null) return null;
        var hasYear = m.Groups["y1"].Success || m.Groups["y2"].Success || m.Groups["my"].Success;
        r = r with { Start = m.Index, Length = m.Length, Text = text, IsEnd = isEnd, HasYear = hasYear };
        // "from August last year", "on 5 May next year": a day or month whose year follows it in words.
        if (!hasYear && (m.Groups["mo"].Success || m.Groups["d1"].Success || m.Groups["d2"].Success))
        {
            var after = sentence.AsSpan(m.Index + m.Length);
            if (after.StartsWith(" last year", StringComparison.OrdinalIgnoreCase)) return r with { Past = true, NextYear = null };
            if (after.StartsWith(" next year", StringComparison.OrdinalIgnoreCase) && r.Date.Year == p.Year)
                return r with { Date = r.Date.AddYears(1), Past = false, Assumed = false, NextYear = null };
        }
        return r;
    }

    private static ResolvedDate? DayOfMonth(Match m, DateOnly p)
    {
        var dayText = m.Groups["d0"].Success ? m.Groups["d0"].Value : m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value;
        var monthText = m.Groups["d1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value;
        var yearGroup = m.Groups["d1"].Success ? m.Groups["y1"] : m.Groups["y2"];
        var day = int.Parse(dayText, CultureInfo.InvariantCulture);
        var month = MonthNumber(monthText);
        if (day < 1 || day > 31) return null;
        if (yearGroup.Success)
        {
            var year = int.Parse(yearGroup.Value, CultureInfo.InvariantCulture);
            return day > DateTime.DaysInMonth(year, month) ? null : Make(new DateOnly(year, month, day), EventPrecision.Day, p);
        }
        // Without a year, the one such day from about three months before the publication date to about nine after:
        // news looks back weeks and ahead months ("the Oct. 7 attacks" in August is last year's, "on Nov. 14" in May this year's).
        for (var year = p.Year - 1; year <= p.Year + 1; year++)
        {
            if (day > DateTime.DaysInMonth(year, month)) continue;
            var candidate = new DateOnly(year, month, day);
            var ahead = candidate.DayNumber - p.DayNumber;
            if (ahead >= -PastWindowDays && ahead < 366 - PastWindowDays)
                return Make(candidate, EventPrecision.Day, p) with
                {
                    NextYear = ahead < 0 && day <= DateTime.DaysInMonth(year + 1, month) ? new DateOnly(year + 1, month, day) : null,
                };
        }
        return null;
    }

    private static ResolvedDate Make(DateOnly date, EventPrecision precision, DateOnly p, bool assumed = false) =>
        new(date, precision, 0, 0, "") { Past = LastDay(date, precision) < p, Assumed = assumed };

    private static DateOnly LastDay(DateOnly date, EventPrecision precision) => precision switch
    {
        EventPrecision.Week => date.AddDays(6),
        EventPrecision.Month => date.AddMonths(1).AddDays(-1),
        _ => date,
    };

    private static ResolvedDate? Relative(string rel, DateOnly p) => rel switch
    {
        "tomorrow" => Make(p.AddDays(1), EventPrecision.Day, p),
        "yesterday" => Make(p.AddDays(-1), EventPrecision.Day, p),
        "the day after tomorrow" => Make(p.AddDays(2), EventPrecision.Day, p),
        _ => Make(p, EventPrecision.Day, p), // today, tonight, later today, this morning/afternoon/evening
    };

    private static ResolvedDate? Unit(string mod, string unit, DateOnly p)
    {
        var offset = mod switch
        {
            "next" or "early next" or "later next" => 1,
            "last" or "earlier this" => -1,
            _ => 0, // this, later this, coming, the coming
        };
        if (mod == "earlier this") return new ResolvedDate(p, EventPrecision.Day, 0, 0, "") { Past = true };
        return unit switch
        {
            // "this week" is partly behind: as with a bare weekday, the sentence's tense decides.
            "week" => Make(Monday(p).AddDays(7 * offset), EventPrecision.Week, p, assumed: offset == 0),
            "month" => Make(new DateOnly(p.Year, p.Month, 1).AddMonths(offset), EventPrecision.Month, p, assumed: offset == 0),
            _ => new ResolvedDate(new DateOnly(p.Year + offset, 1, 1), EventPrecision.Month, 0, 0, "") { Vague = true, Past = offset < 0 },
        };
    }

    private static ResolvedDate? EndOf(string mod, string unit, DateOnly p)
    {
        var offset = mod == "next" ? 1 : mod == "last" ? -1 : 0;
        return unit switch
        {
            "week" => Make(Monday(p).AddDays(7 * offset), EventPrecision.Week, p),
            "month" => Make(new DateOnly(p.Year, p.Month, 1).AddMonths(offset), EventPrecision.Month, p),
            _ => Make(new DateOnly(p.Year + offset, 12, 1), EventPrecision.Month, p), // the end of the year is its last month
        };
    }

    private static ResolvedDate WeekdayDate(string mod, string name, DateOnly p)
    {
        var target = Enum.Parse<DayOfWeek>(name, ignoreCase: true);
        var ahead = ((int)target - (int)p.DayOfWeek + 7) % 7;
        return mod switch
        {
            "last" or "that" => new ResolvedDate(p.AddDays(ahead == 0 ? -7 : ahead - 7), EventPrecision.Day, 0, 0, "") { Past = true },
            // "next Tuesday" is the Tuesday of next week (on a Monday, eight days on, not tomorrow).
            "next" => Make(Monday(p).AddDays(7 + ((int)target + 6) % 7), EventPrecision.Day, p),
            "this" or "this coming" or "coming" => Make(p.AddDays(ahead), EventPrecision.Day, p),
            // A bare weekday is ahead in "will meet on Thursday" and behind in "said on Thursday": the sentence decides.
            _ => Make(p.AddDays(ahead), EventPrecision.Day, p, assumed: true),
        };
    }

    private static ResolvedDate MonthAlone(string name, string pre, DateOnly p)
    {
        var month = MonthNumber(name);
        if (pre is "last" or "since" or "earlier in") return new ResolvedDate(new DateOnly(p.Year, month, 1), EventPrecision.Month, 0, 0, "") { Past = true };
        var year = month >= p.Month ? p.Year : p.Year + 1;
        if (pre == "next" && month == p.Month) year++;
        return Make(new DateOnly(year, month, 1), EventPrecision.Month, p, assumed: pre != "next");
    }

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static int MonthNumber(string text)
    {
        var key = text.TrimEnd('.').ToLowerInvariant();
        return key[..3] switch
        {
            "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
            "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
        };
    }

    // Alternatives in priority order: a day of a month (with an optional weekday and year), a month and year,
    // relative days, this/next week or month, "the end of", a weekday, a month after a preposition, a bare year.
    [GeneratedRegex(
        @"(?<lead>\b(?:until|till|through|to)\s+)?(?:" +
        @"(?:(?:" + Weekday + @"),?\s+)?(?:the\s+)?(?:(?<d0>\d{1,2})(?:st|nd|rd|th)?\s*(?:[–-]|and|to)\s*)?(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m1>" + Month + @")(?![a-z])(?:,?\s+(?<y1>(?:19|20)\d\d)\b)?" +
        @"|(?:(?:" + Weekday + @"),?\s+)?(?<![A-Za-z])(?<m2>" + Month + @")\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?(?![\d:])(?:\s*(?:[–-]|and|to)\s*\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+(?<y2>(?:19|20)\d\d)\b)?" +
        @"|(?<mm>" + FullMonth + @"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.),?\s+(?<my>(?:19|20)\d\d)\b" +
        @"|\b(?<rel>(?i:the\s+day\s+after\s+tomorrow|tomorrow|today|tonight|yesterday|later\s+today|this\s+(?:morning|afternoon|evening)))\b" +
        @"|\b(?<mod>(?i:early\s+next|later\s+next|later\s+this|earlier\s+this|this\s+coming|the\s+coming|next|this|last|coming))\s+(?<unit>(?i:week|month|year))\b" +
        @"|\b(?i:by\s+)?(?i:the\s+)?(?<endof>(?i:end))\s+of\s+(?:(?<endmod>(?i:the|this|next|last))\s+)?(?<endunit>(?i:week|month|year))\b" +
        @"|\b(?:(?<wdmod>(?i:this\s+coming|next|this|that|last|coming|on))\s+)?(?<wd>" + Weekday + @")\b(?![-‐])" +
        @"|\b(?<mopre>(?i:in|from|by|since|during|early|late|mid|next|last|this|earlier\s+in|until|before|after))[\s-]+(?<mo>" + FullMonth + @")\b(?!\s+\d)" +
        @"|\b(?i:in|by|until|from|before)\s+(?<year>(?:19|20)\d\d)\b" +
        @")")]
    private static partial Regex Expression();
}
