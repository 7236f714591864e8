namespace NewsBrief.Scrapers.Extraction;

/// <summary>Which engine finds the article body; the default is the one that scored best on the extraction benchmark.</summary>
public enum BodyStrategy
{
    /// <summary>Our own paragraph scorer over AngleSharp.</summary>
    Own,

    /// <summary>SmartReader (a port of Mozilla Readability), its content turned into paragraphs by our text writer.</summary>
    SmartReader,

    /// <summary>SmartReader first; our scorer when SmartReader finds little or fails.</summary>
    Combined,
}
