using System.Globalization;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Schedules;

/// <summary>
/// Names the field of a five-field cron expression that is wrong, for the error of <c>schedule set</c>:
/// <c>hour 25 is out of range (0-23)</c>. Asked only after the cron parser refused the expression; what it cannot
/// judge (L, W, #) it leaves to the parser's own message. One pass over the text.
/// </summary>
public static class CronFields
{
    private sealed record Field(string Name, int Min, int Max, string[]? Names = null);

    private static readonly Field[] Fields =
    [
        new("minute", 0, 59),
        new("hour", 0, 23),
        new("day-of-month", 1, 31),
        new("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        new("day-of-week", 0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    /// <summary>The fields in order, as the error messages name them.</summary>
    public const string Layout = "minute hour day-of-month month day-of-week";

    /// <summary>What is wrong, naming the field (<c>hour 25 is out of range (0-23)</c>); null when no field is found at fault.</summary>
    public static string? Problem(string cron)
    {
        var parts = cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != Fields.Length)
            return $"it has {Counted.Of(parts.Length, "field")}; a cron expression has 5: {Layout}";
        for (var i = 0; i < Fields.Length; i++)
            foreach (var item in parts[i].Split(','))
                if (ItemProblem(Fields[i], item) is { } problem) return problem;
        return null;
    }

    private static string? ItemProblem(Field field, string item)
    {
        if (item.Length == 0) return $"{field.Name} has an empty item (two commas, or a comma at an end)";
        if (item.IndexOfAny(['L', 'W', '#', 'l', 'w']) >= 0 && field.Name is "day-of-month" or "day-of-week") return null;
        var slash = item.IndexOf('/');
        var range = slash < 0 ? item : item[..slash];
        if (slash >= 0)
        {
            var step = item[(slash + 1)..];
            if (!int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s < 1)
                return $"{field.Name} step '/{step}' must be a whole number of 1 or more";
            if (s > field.Max) return $"{field.Name} step {s} is out of range (1-{field.Max})";
        }
        if (range is "*" or "?") return null;
        var dash = range.IndexOf('-');
        var first = dash < 0 ? range : range[..dash];
        if (ValueProblem(field, first, out var from) is { } a) return a;
        if (dash < 0) return null;
        if (ValueProblem(field, range[(dash + 1)..], out var to) is { } b) return b;
        return from > to ? $"{field.Name} range {range} runs backwards; write the smaller value first" : null;
    }

    private static string? ValueProblem(Field field, string text, out int value)
    {
        if (field.Names is { } names && Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is var named and >= 0)
        {
            value = named + field.Min;
            return null;
        }
        var allowed = $"{field.Min}-{field.Max}{(field.Names is null ? "" : $" or {field.Names[0]}-{field.Names[^1]}")}";
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            return text.Length == 0 ? $"{field.Name} has a range with a missing end ({allowed})" : $"{field.Name} '{text}' is not a number ({allowed})";
        return value < field.Min || value > field.Max ? $"{field.Name} {value} is out of range ({allowed})" : null;
    }
}
