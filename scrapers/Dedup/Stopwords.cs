namespace NewsBrief.Scrapers.Dedup;

/// <summary>English function words and news boilerplate that say nothing about which event an article is about.</summary>
internal static class Stopwords
{
    public static readonly HashSet<string> All = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
        "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that",
        "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
        "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "you", "your", "may", "might", "must", "shall", "us", "via", "per", "amid", "among",
        "says", "said", "say", "saying", "told", "tell", "according", "report", "reports", "reported", "news", "new",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
        "week", "weeks", "year", "years", "day", "days", "time", "last", "first", "one", "two", "many", "much", "make",
        "made", "get", "got", "like", "people", "going", "go", "come", "came", "take", "took", "well", "even", "still",
        "back", "way", "since", "yet", "however", "including", "mr", "mrs", "ms", "dr", "s", "t", "don",
        "won", "can't", "it's", "don't", "isn't", "ap", "reuters", "cnn", "fox", "photo", "video", "watch", "read",
    };
}
