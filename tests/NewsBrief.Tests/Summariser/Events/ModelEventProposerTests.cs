using System.Text.Json;
using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Events;
using NewsBrief.Summariser.Llm;
using NewsBrief.Tests.Summariser.Llm;

namespace NewsBrief.Tests.Summariser.Events;

/// <summary>Model-proposed events through the real SK connector against the fake OpenAI-compatible server, and the grounding rule.</summary>
public sealed class ModelEventProposerTests : IAsyncLifetime
{
    // Monday 10 February 2025.
    private static readonly DateTimeOffset Published = new(2025, 2, 10, 9, 0, 0, TimeSpan.Zero);
    private const string Title = "Wang Yi to visit London";
    private const string Text = "Foreign Secretary David Lammy is due to meet his Chinese counterpart this week. "
        + "Wang Yi will visit London on Thursday, February 13, ahead of the Munich Security Conference. "
        + "The two last met in Beijing in October.";

    private readonly FakeOpenAiServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ModelEventProposer Proposer(SummariserOptions? options = null)
    {
        options ??= StoryFixtures.CompatibleOptions(_server.V1Endpoint);
        return new ModelEventProposer(SummariserKernelFactory.Create(options), options);
    }

    private static string Answer(params object[] events) => JsonSerializer.Serialize(new { events });

    [Fact]
    public async Task Propose_WhenTheModelAnswersWell_KeepsItsEventsWithTheRulesDateAndTheArticlesSentence()
    {
        _server.Enqueue(FakeReply.Answer(Answer(
            new { date_text = "on Thursday, February 13", sentence = "Wang Yi visits London on 13 Feb.", kind = "visit", participants = new[] { "Wang Yi" }, place = "London" },
            new { date_text = "this week", sentence = "", kind = "meeting", participants = new[] { "David Lammy" }, place = (string?)null })));

        var result = await Proposer().ProposeAsync(Title, Text, Published, CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal(2, result.Proposed);
        Assert.Empty(result.Dropped);
        var visit = result.Kept[0];
        Assert.Equal((new DateOnly(2025, 2, 13), EventPrecision.Day, "visit"), (visit.Date, visit.Precision, visit.Kind));
        Assert.Equal("Wang Yi will visit London on Thursday, February 13, ahead of the Munich Security Conference.", visit.Sentence);
        Assert.Equal(["Wang Yi"], visit.Participants);
        Assert.Equal("London", visit.Place);
        Assert.Equal((new DateOnly(2025, 2, 10), EventPrecision.Week), (result.Kept[1].Date, result.Kept[1].Precision));
        // the article went to the model as delimited data
        Assert.Contains("--- BEGIN ARTICLE ---", _server.Bodies.Single().ToJsonString());
    }

    [Fact]
    public async Task Propose_WhenTheModelInventsDatesOrParticipants_DropsThoseEventsAndSaysWhy()
    {
        _server.Enqueue(FakeReply.Answer(Answer(
            new { date_text = "on Friday, February 14", sentence = "", kind = "meeting", participants = new[] { "Wang Yi" }, place = (string?)null },
            new { date_text = "on Thursday, February 13", sentence = "", kind = "summit", participants = new[] { "Wang Yi", "Xi Jinping" }, place = (string?)null },
            new { date_text = "in October", sentence = "", kind = "meeting", participants = new[] { "Wang Yi" }, place = "Beijing" },
            new { date_text = "Munich", sentence = "", kind = "conference", participants = Array.Empty<string>(), place = (string?)null },
            new { date_text = "on Thursday, February 13", sentence = "", kind = "world domination", participants = new[] { "Wang Yi" }, place = "Paris" })));

        var result = await Proposer().ProposeAsync(Title, Text, Published, CancellationToken.None);

        Assert.Equal(5, result.Proposed);
        Assert.Contains("event 1: its date 'on Friday, February 14' is not in the article", result.Dropped);
        Assert.Contains("event 2: participant 'Xi Jinping' is not in the article", result.Dropped);
        Assert.Contains("event 3: 'in October' may lie behind: its sentence does not speak of the future", result.Dropped);
        Assert.Contains("event 4: 'Munich' is not a date the rules can resolve", result.Dropped);
        // the fifth keeps its grounded parts only: a kind from the rules, no invented place
        var kept = Assert.Single(result.Kept);
        Assert.Equal(("visit", null, new DateOnly(2025, 2, 13)), (kept.Kind, kept.Place, kept.Date));
    }

    [Fact]
    public async Task Propose_WhenTheAnswerIsOversizedOrNotJson_KeepsNothingAndNamesTheProblem()
    {
        var options = StoryFixtures.CompatibleOptions(_server.V1Endpoint) with { MaxOutputTokens = 100 };
        _server.Enqueue(FakeReply.Answer(Answer(Enumerable.Range(0, 200).Select(_ => (object)new { date_text = "on Thursday", sentence = Text, kind = "visit", participants = new[] { "Wang Yi" }, place = "London" }).ToArray())));
        _server.Enqueue(FakeReply.Answer("Sure! Wang Yi visits London on Thursday."));
        _server.Enqueue(FakeReply.Answer("{\"events\": \"none\"}"));

        var oversized = await Proposer(options).ProposeAsync(Title, Text, Published, CancellationToken.None);
        var prose = await Proposer(options).ProposeAsync(Title, Text, Published, CancellationToken.None);
        var wrongShape = await Proposer(options).ProposeAsync(Title, Text, Published, CancellationToken.None);

        Assert.StartsWith("model answer too long (", oversized.Failure);
        Assert.Contains("Summariser:MaxOutputTokens = 100", oversized.Failure);
        Assert.Equal("model answer unusable: no JSON object in the answer", prose.Failure);
        Assert.Equal("model answer unusable: \"events\" is not an array", wrongShape.Failure);
        Assert.All([oversized, prose, wrongShape], r => Assert.Empty(r.Kept));
    }

    [Fact]
    public async Task Propose_WhenTheModelFails_ReturnsTheFailureAndNoEvents()
    {
        _server.Enqueue(FakeReply.Error(500), FakeReply.Error(500), FakeReply.Error(500));

        var result = await Proposer().ProposeAsync(Title, Text, Published, CancellationToken.None);

        Assert.Empty(result.Kept);
        Assert.NotNull(result.Failure);
    }

    [Fact]
    public void Parse_OfAHugeList_ReadsAtMostTheCapAndCapsEveryField()
    {
        var many = Answer(Enumerable.Range(0, 500).Select(i => (object)new { date_text = new string('x', 10_000), sentence = "s", kind = "VISIT", participants = Enumerable.Repeat("P", 50).ToArray(), place = "" }).ToArray());

        var parsed = EventProposalParser.Parse("```json\n" + many + "\n```");

        Assert.Equal(EventProposalParser.MaxProposals, parsed.Count);
        Assert.All(parsed, p => Assert.Equal((EventProposalParser.MaxFieldLength, EventProposalParser.MaxParticipants, "visit", (string?)null),
            (p.DateText.Length, p.Participants.Count, p.Kind, p.Place)));
        Assert.Throws<FormatException>(() => EventProposalParser.Parse("{\"events\": " + new string('[', 5000) + "}"));
    }
}
