using MimeKit;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Configuration;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Core.Configuration;
using NewsBrief.Core.Domain;
using NewsBrief.Tests.Bot.Alerts;
using NewsBrief.Tests.Bot.Deliveries.Fakes;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Deliveries;

/// <summary>E-mail destinations against a real SMTP server started inside the test: both parts, the links, the headers, and the failures.</summary>
public sealed class EmailDeliveryTests
{
    private static string Settings(int port, string user = "", string password = "") => $$"""
        { "Fetch": { "Timeout": "00:00:30", "PageTimeout": "00:00:30", "FetchArticlePages": false },
          "Brief": { "TimeZone": "UTC" },
          "Smtp": { "Host": "127.0.0.1", "Port": {{port}}, "Security": "none", "From": "NewsBrief <briefs@example.org>", "User": "{{user}}", "Password": "{{password}}" } }
        """;

    private static async Task<AlertFixture> WithStoriesAsync(string settings)
    {
        var f = new AlertFixture(settings);
        f.SetFeed("wire", new RssBuilder()
            .Item("Ministers & envoys meet at summit", "https://wire.example/summit", "Foreign ministers met in Geneva on Tuesday to discuss the ceasefire.", AlertFixture.Start)
            .Item("Central bank holds rates", "https://wire.example/rates", "The central bank held its main rate at 4 percent.", AlertFixture.Start.AddMinutes(5)));
        f.SetFeed("paper", new RssBuilder()
            .Item("Summit of ministers opens in Geneva", "https://paper.example/geneva", "Foreign ministers opened talks in Geneva about the ceasefire.", AlertFixture.Start.AddMinutes(2)));
        await f.PollAsync();
        return f;
    }

    [Fact]
    public async Task ScheduledBrief_ToTwoAddresses_ArrivesAsOneMultipartMailWithLinksAndStableHeaders()
    {
        await using var smtp = new FakeSmtpServer();
        await using var f = await WithStoriesAsync(Settings(smtp.Port));
        f.Alerting.Schedules.Set(new BriefSchedule { Destination = "email:policy@example.org,lead@example.org", Cron = "0 8 * * *", TimeZone = "UTC", Created = AlertFixture.Start });
        f.Clock.Advance(TimeSpan.FromHours(23));

        await f.Alerting.ScheduleRunner.RunDueAsync(CancellationToken.None);
        var report = await f.Alerting.Dispatcher.SendDueAsync(CancellationToken.None);

        Assert.Equal(1, report.Sent);
        var mail = Assert.Single(smtp.Messages);
        var delivery = Assert.Single(f.Alerting.Deliveries.List());
        Assert.Equal(["policy@example.org", "lead@example.org"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("briefs@example.org", mail.From.Mailboxes.Single().Address);
        Assert.Equal(EmailSender.MessageId(delivery.IdempotencyKey, "example.org"), mail.MessageId);
        Assert.Equal(mail.MessageId, delivery.MessageId);
        Assert.StartsWith("NewsBrief Fri 27 Nov 2026: ", mail.Subject);
        Assert.Contains("summit", mail.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("multipart/alternative", mail.Body!.ContentType.MimeType);
        Assert.Contains("Central bank holds rates", mail.TextBody);
        Assert.Contains("<https://wire.example/rates>", mail.TextBody);
        Assert.Contains("href=\"https://wire.example/summit\"", mail.HtmlBody);
        Assert.Contains("href=\"https://paper.example/geneva\"", mail.HtmlBody);
        Assert.Contains("Ministers &amp; envoys", mail.HtmlBody); // text is encoded
        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"<a href=""https://[^""]+""[^>]*>\[1\]</a>", mail.HtmlBody); // citations are links
    }

    [Fact]
    public async Task Digest_IsOneMailGroupedByStory()
    {
        await using var smtp = new FakeSmtpServer();
        await using var f = await WithStoriesAsync(Settings(smtp.Port));
        var sub = f.Subscribe("ministers OR bank", to: "email:policy@example.org", mode: "digest");
        var alerts = f.Alerting.Composer.Stories(f.Services.Articles.InWindow(AlertFixture.Start.AddDays(-1), AlertFixture.Start.AddDays(1)), [])
            .Select(s => f.Alerting.Composer.Compose(sub, s.Story, s.Update, _ => ["ministers"])).ToList();
        f.Alerting.Deliveries.Add(AlertComposer.DigestDelivery(sub, alerts, AlertFixture.Start, AlertFixture.Start));

        await f.Alerting.Dispatcher.SendDueAsync(CancellationToken.None);

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(2, alerts.Count);
        Assert.StartsWith($"Digest \"{sub.Label}\": 2 stories", mail.Subject);
        foreach (var alert in alerts) Assert.Contains(System.Net.WebUtility.HtmlEncode(alert.Story), mail.HtmlBody);
        Assert.Contains("href=\"https://paper.example/geneva\"", mail.HtmlBody);
    }

    [Fact]
    public async Task Login_WithTheWrongPassword_IsPermanentAndNamesTheSettings_TheRightOneSends()
    {
        await using var smtp = new FakeSmtpServer(requireLogin: true);
        var good = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "none", From = "briefs@example.org", User = FakeSmtpServer.User, Password = FakeSmtpServer.Password };
        var delivery = new Delivery { Destination = "email:a@example.org", Kind = "notice", IdempotencyKey = "notice:1", Payload = "{}", Text = "Source 'wire' has failed 3 polls in a row." };

        var refused = await new EmailSender(good with { Password = "wrong" }).SendAsync(delivery, Destination.Parse(delivery.Destination), CancellationToken.None);
        var sent = await new EmailSender(good).SendAsync(delivery, Destination.Parse(delivery.Destination), CancellationToken.None);

        Assert.Equal(SendOutcome.Permanent, refused.Outcome);
        Assert.Contains("Smtp:Password", refused.Error);
        Assert.DoesNotContain("wrong", refused.Error);
        Assert.Equal(SendOutcome.Sent, sent.Outcome);
        Assert.Equal("Source 'wire' has failed 3 polls in a row.", Assert.Single(smtp.Messages).Subject);
    }

    [Fact]
    public async Task ServerAnswers_4xxIsRetried_5xxIsPermanent_AClosedPortIsRetried()
    {
        await using var smtp = new FakeSmtpServer();
        var options = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "none", From = "briefs@example.org" };
        var delivery = new Delivery { Destination = "email:a@example.org", Kind = "notice", IdempotencyKey = "notice:2", Payload = "{}", Text = "hello" };
        var to = Destination.Parse(delivery.Destination);

        smtp.Reject(451, "mailbox busy, try later");
        var busy = await new EmailSender(options).SendAsync(delivery, to, CancellationToken.None);
        smtp.Reject(554, "message refused");
        var refused = await new EmailSender(options).SendAsync(delivery, to, CancellationToken.None);
        using var refusing = new RefusingPort(); // bound, never listening: refused for as long as the test runs
        var closed = await new EmailSender(options with { Port = refusing.Port }).SendAsync(delivery, to, CancellationToken.None);

        Assert.Equal((SendOutcome.Retryable, SendOutcome.Permanent, SendOutcome.Retryable), (busy.Outcome, refused.Outcome, closed.Outcome));
        Assert.Contains("451", busy.Error);
        Assert.Contains("554", refused.Error);
        Assert.Contains("Smtp:Host", closed.Error);
        Assert.Empty(smtp.Messages);
    }

    [Theory]
    [InlineData("\"Security\": \"tls\", \"From\": \"a@example.org\"", "Smtp:Security")]
    [InlineData("\"From\": \"not an address\"", "Smtp:From")]
    [InlineData("\"From\": \"a@example.org\", \"User\": \"me\"", "Smtp:Password")]
    public async Task BadSmtpSettings_AreRefusedAtStartNamingTheKey(string smtp, string key)
    {
        using var dir = new TempDirectory();
        var config = new TestConfigFolder(Path.Combine(dir.Path, "config"))
            .WriteSettings($$"""{ "Smtp": { "Host": "mail.example.org", {{smtp}} } }""").WriteTopics().WriteSources();
        var loaded = AppConfiguration.Load(config.Path, Path.Combine(dir.Path, "data"));

        using var host = NewsBriefHost.Build(loaded, TimeProvider.System, new ConsoleOutput(TextWriter.Null, Json: false));

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith(key + ":", StringComparison.Ordinal));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
