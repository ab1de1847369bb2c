using Vmre.StoreCheck;

// vmre-store-check: the vote store's order check and bench (issue 10 point 4 and "Done when").
//   order [--votes 1500] [--runs 10] [--permutations 1000] [--seed 1] [--baseline] [--durable] [--out FILE]
//   bench [--votes 1000]
var command = args.FirstOrDefault() ?? "";
int Option(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

switch (command)
{
    case "order":
    {
        var baseline = args.Contains("--baseline");
        var durable = args.Contains("--durable"); // synchronous=FULL: same bytes, much slower

        var report = OrderReport.Run(baseline ? "baseline (pre-issue-10 layout)" : "vmre-vote-store/1",
            baseline ? p => new BaselineUnderTest(p, durable) : p => new SlotStoreUnderTest(p, durable),
            Option("--votes", 1500), Option("--runs", 10), Option("--permutations", 1000), Option("--seed", 1));
        var text = report.Text();
        Console.Write(text);
        if (Text("--out") is { } out_) File.WriteAllText(out_, text);
        return report.Leaks ? 1 : 0;
    }
    case "bench":
        StoreBench.Run(Option("--votes", 1000), Console.Out);
        return 0;
    default:
        Console.Error.WriteLine("usage: vmre-store-check order [--votes N] [--runs N] [--permutations N] [--seed N] [--baseline] [--durable] [--out FILE] | bench [--votes N]");
        return 2;
}
