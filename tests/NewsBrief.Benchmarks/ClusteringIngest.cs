using System.Diagnostics;
using System.Globalization;
using NewsBrief.Scrapers.Dedup;
using NewsBrief.Scrapers.Refresh;

namespace NewsBrief.Benchmarks;

/// <summary>
/// Story assignment at ingest, lexical against embeddings, each in a fresh child process (<c>clustering --ingest MODE</c>)
/// so that its peak memory is its own: the AllSides articles in time order through the window, with embeddings each
/// article's title and lead encoded first (model load counted apart). Storage is left out: both modes write the same rows
/// but a 1.5 KB vector.
/// </summary>
public static class ClusteringIngest
{
    /// <summary>Runs both modes one after the other and prints their rows.</summary>
    public static void Compare(int copies)
    {
        Console.WriteLine("| similarity | articles | model load s | encode s | assign s | articles/s (encode + assign) | peak working set MiB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var mode in new[] { "lexical", "embeddings" })
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(ClusteringIngest).Assembly.Location);
            foreach (var a in new[] { "clustering", "--ingest", mode, "--copies", copies.ToString(CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
            using var child = Process.Start(start)!;
            var output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            Console.Write(child.ExitCode == 0 ? output : $"| {mode} | failed with exit code {child.ExitCode} | | | | | |\n");
        }
    }

    /// <summary>The child: one mode, one row.</summary>
    public static int Run(string mode, int copies)
    {
        var data = ClusteringAllSides.Load(DataFolder.Require(), sameDay: false);
        var items = data.Repeated(data.Items.Count * copies, TimeSpan.FromDays(200));
        var options = new StoryOptions { Embeddings = mode == "embeddings" };
        double load = 0, encode = 0;
        using var embedder = new SentenceEmbedder();
        if (options.Embeddings)
        {
            var watch = Stopwatch.StartNew();
            embedder.Encode(["warm-up"]);
            load = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var vectors = embedder.Encode(items.Select(i => SentenceEmbedder.TextOf(i.Title, i.Text, StoryAssigner.EmbeddedLeadChars)).ToList());
            encode = watch.Elapsed.TotalSeconds;
            items = items.Select((item, i) => item with { Vector = vectors[i] }).ToList();
        }
        var assign = Stopwatch.StartNew();
        ClusteringWindow.Run(options.Clusterer(), items);
        var seconds = assign.Elapsed.TotalSeconds;
        Console.WriteLine($"| {mode} | {items.Count} | {load:0.00} | {encode:0.00} | {seconds:0.00} | {items.Count / (encode + seconds):0} | {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} |");
        return 0;
    }
}
