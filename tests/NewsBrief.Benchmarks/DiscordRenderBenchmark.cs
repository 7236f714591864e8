using System.Diagnostics;
using NewsBrief.Bot.Chat;
using NewsBrief.Discord;
using NewsBrief.Core.Chat;

namespace NewsBrief.Benchmarks;

/// <summary>How fast a brief is escaped, split and packed into Discord messages (pure, no network).</summary>
public sealed class DiscordRenderBenchmark : IBenchmark
{
    public string Name => "discord-render";
    public string Description => "escape + split + pack a brief into Discord messages (sizes 2k/20k/100k chars)";

    public Task<int> RunAsync(string[] args)
    {
        Console.WriteLine("| brief chars | sections | links | messages | embeds | renders/s | µs/render |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in new[] { 2_000, 20_000, 100_000 })
        {
            var reply = Brief(size);
            var messages = DiscordReplyRenderer.Render(reply, false);
            for (var i = 0; i < 300; i++) DiscordReplyRenderer.Render(reply, false); // warm-up past tiered JIT
            var iterations = Math.Max(50, 2_000_000 / size);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++) DiscordReplyRenderer.Render(reply, false);
            clock.Stop();
            var perRender = clock.Elapsed.TotalMilliseconds * 1000 / iterations;
            Console.WriteLine($"| {size:N0} | {reply.Embeds.Count} | {reply.Links.Count} | {messages.Count} | {messages.Sum(m => m.Embeds?.Count ?? 0)} | {1_000_000 / perRender:N0} | {perRender:N1} |");
        }
        return Task.FromResult(0);
    }

    private static ChatReply Brief(int chars)
    {
        var sections = new List<ReplyEmbed>();
        var links = new List<ReplyLink>();
        var written = 0;
        for (var story = 1; written < chars; story++)
        {
            var text = string.Join(' ', Enumerable.Range(1, 12).Select(i =>
                $"Regulators in *market {story}* said (on day {i}) that the_ban of app #{story} would follow [{story}]."));
            sections.Add(new ReplyEmbed($"Story {story}: TikTok > rules", text, $"https://example.org/{story}", Footer: "extractive"));
            links.Add(new ReplyLink($"Outlet {story} report", $"https://example.org/news/{story}"));
            written += text.Length;
        }
        return new ChatReply { Text = "Daily brief", Embeds = sections, Links = links };
    }
}
