using System.Text;

namespace NewsBrief.Core.Query;

/// <summary>One term of a query and the field it was found in ("title", "body", "source"), or null when missing.</summary>
public sealed record TermEvidence(string Term, string? FoundIn)
{
    public bool Found => FoundIn is not null;
}

/// <summary>A NOT clause of a query (as written), whether it was present (which rules the document out) and its terms.</summary>
public sealed record ExclusionEvidence(string Clause, bool Present, IReadOnlyList<TermEvidence> Terms);

/// <summary>Why a document matched a query or not, readable by a user through <see cref="ToString"/>.</summary>
public sealed record QueryExplanation(bool IsMatch, IReadOnlyList<TermEvidence> Terms, IReadOnlyList<ExclusionEvidence> Exclusions)
{
    /// <summary>E.g. <c>matched: tiktok (title), ban (body); NOT clause "-rumour": absent</c>.</summary>
    public override string ToString()
    {
        var found = Terms.Where(t => t.Found).Select(t => $"{t.Term} ({t.FoundIn})").ToList();
        var missing = Terms.Where(t => !t.Found).Select(t => t.Term).ToList();
        var text = new StringBuilder(IsMatch ? "matched: " : "not matched: ");
        if (IsMatch) text.Append(string.Join(", ", found));
        else text.Append("found ").Append(found.Count == 0 ? "nothing" : string.Join(", ", found));
        if (missing.Count > 0) text.Append("; missing: ").Append(string.Join(", ", missing));
        foreach (var exclusion in Exclusions)
        {
            text.Append($"; NOT clause \"{exclusion.Clause}\": ");
            if (!exclusion.Present)
            {
                text.Append("absent");
                continue;
            }
            var where = exclusion.Terms.Where(t => t.Found).Select(t => $"{t.Term} in {t.FoundIn}");
            text.Append("present (").Append(string.Join(", ", where)).Append(')');
        }
        return text.ToString();
    }
}
