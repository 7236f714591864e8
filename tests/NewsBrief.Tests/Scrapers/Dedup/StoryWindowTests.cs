using NewsBrief.Scrapers.Dedup;

namespace NewsBrief.Tests.Scrapers.Dedup;

public sealed class StoryWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static ClusterItem Item(string title, string text, double hours, string source) => new(title, text, T0.AddHours(hours), source);

    private static readonly ClusterItem SummitA = Item("Foreign ministers meet in Geneva over Syria ceasefire", "Foreign ministers of Russia and the United States met in Geneva on Tuesday to discuss a Syria ceasefire.", 0, "reuters");
    private static readonly ClusterItem SummitB = Item("Syria ceasefire talks: ministers gather in Geneva", "Ministers from Russia and the US gathered in Geneva for talks on a ceasefire in Syria.", 2, "bbc");
    private static readonly ClusterItem Tennis = Item("Djokovic wins the Australian Open final in Melbourne", "Novak Djokovic beat his rival in four sets in Melbourne to take the title.", 1, "ap");

    [Fact]
    public void Add_SameEventFromTwoOutlets_JoinsOneStoryAndAnotherEventStartsItsOwn()
    {
        var window = new StoryWindow(new StoryClusterer { Threshold = 0.2 }, nextStoryId: 10);

        var first = window.Add(1, SummitA);
        var tennis = window.Add(2, Tennis);
        var second = window.Add(3, SummitB);

        Assert.Equal(10, first);
        Assert.Equal(first, second);
        Assert.NotEqual(first, tennis);
        var changes = window.TakeChanges();
        Assert.Equal([(1L, 10L), (2L, 11L), (3L, 10L)], changes.Assignments);
        Assert.Contains(changes.Stories, s => s.Id == 10 && s.FirstSeen == SummitA.Time && s.LastUpdated == SummitB.Time);
        Assert.Empty(window.TakeChanges().Assignments);
    }

    [Fact]
    public void Add_FarOutsideTheWindow_StartsANewStoryEvenWhenTheWordsMatch()
    {
        var window = new StoryWindow(new StoryClusterer { Threshold = 0.2, Window = TimeSpan.FromDays(1) }, 1);

        var first = window.Add(1, SummitA);
        var later = window.Add(2, SummitB with { Time = SummitA.Time.AddDays(5) });

        Assert.NotEqual(first, later);
    }

    [Fact]
    public void Add_TheSameWordsThreeDaysOn_FadeApartWhileHoursApartTheyJoin()
    {
        // One pair of articles, inside the 3-day window every time: only the time between them and the half-life differ.
        var follow = Item("Syria ceasefire talks continue in Geneva", "Diplomats resumed talks in Geneva on the Syria ceasefire.", 0, "ap");
        long StoryOfSecond(TimeSpan gap, TimeSpan halfLife)
        {
            var window = new StoryWindow(new StoryClusterer { Threshold = 0.2, HalfLife = halfLife }, 1);
            window.Add(1, SummitA);
            return window.Add(2, follow with { Time = SummitA.Time + gap });
        }

        Assert.Equal(1, StoryOfSecond(TimeSpan.FromHours(4), TimeSpan.FromDays(2)));
        Assert.Equal(1, StoryOfSecond(TimeSpan.FromDays(2.9), TimeSpan.FromDays(10_000)));
        Assert.NotEqual(1, StoryOfSecond(TimeSpan.FromDays(2.9), TimeSpan.FromDays(2)));
        Assert.Equal(0.5, new StoryClusterer().Decay(T0, T0.AddDays(2)), 6);
    }

    [Fact]
    public void Add_AnArticleBridgingTwoStories_MergesThemIntoTheOlderAndRecordsIt()
    {
        var window = new StoryWindow(new StoryClusterer { Threshold = 0.2 }, 1);
        // Two halves of one event with little vocabulary in common, then an article that carries both.
        var a = window.Add(1, Item("Geneva talks open on Syria", "Ministers opened talks in Geneva.", 0, "x"));
        var b = window.Add(2, Item("Ceasefire announced by Lavrov and Blinken", "Lavrov and Blinken announced a ceasefire.", 1, "y"));
        Assert.NotEqual(a, b);

        var c = window.Add(3, Item("Geneva talks on Syria end with Lavrov and Blinken announcing ceasefire", "In Geneva, Lavrov and Blinken announced a Syria ceasefire as ministers ended talks.", 2, "z"));

        var changes = window.TakeChanges();
        Assert.Equal(a, c);
        Assert.Equal([(b, a)], changes.Merges);
        Assert.All(changes.Assignments, x => Assert.Equal(a, x.StoryId));
        Assert.Equal(a, window.StoryOf(2));
    }

    [Fact]
    public void Restore_ThenAdd_JoinsTheRestoredStoryAndKeepsItsId()
    {
        var window = new StoryWindow(new StoryClusterer { Threshold = 0.2 }, 1);
        window.Restore(1, SummitA, storyId: 42);

        var id = window.Add(2, SummitB);
        var fresh = window.Add(3, Tennis);

        Assert.Equal(42, id);
        Assert.Equal(43, fresh);
        Assert.Equal(42, window.Add(1, SummitA)); // an article held already is not assigned twice
    }
}
