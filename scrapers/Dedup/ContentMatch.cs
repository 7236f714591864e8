namespace NewsBrief.Scrapers.Dedup;

/// <summary>How a newly fetched article's content relates to one already seen.</summary>
public enum ContentMatch
{
    /// <summary>The same words (formatting aside).</summary>
    Identical,
    /// <summary>The same article with a small edit (a typo fixed, a word changed).</summary>
    NearDuplicate,
    /// <summary>The same article, updated: a paragraph added or rewritten.</summary>
    Updated,
    /// <summary>A different article.</summary>
    Different,
}
