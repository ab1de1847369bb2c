using System.Diagnostics;
using Vmre.Audit.Documents;
using Vmre.Common.Election;
using Vmre.Common.Signing;
using Vmre.Simulator.Election;
using Vmre.Simulator.Voters;

namespace Vmre.EndToEnd.Tests.Secrecy;

/// <summary>
/// The run the measured property is measured on (issue 9 point 6): a whole simulated module
/// election on real parts with 200 voters at three terminals, marking at random (<see cref="VoterMix"/>:
/// parties, coalition combinations, blank and null ballots, a few write-ins) with the demo's faults
/// of the day, two of them coerced. The watcher's notes go outside the published folder.
/// </summary>
public sealed class SecretBallotRun : IAsyncLifetime
{
    public const int Voters = 200;
    public const string CoercedName = "MARÍA XOCHIQUETZAL ZÚÑIGA BALDERRAMA";
    public static readonly string[] CoercedCombination = ["PRI", "PRD", "NAEM"];
    private static readonly VoterMix Mix = new(Seed: 9, new Coercion(CoercedName, CoercedCombination));

    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "vmre-secrecy-run-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public string Out => Path.Combine(_root, "out");
    public string WatcherNotes => Path.Combine(_root, "watcher.tsv");
    public bool Passed { get; private set; }
    public TimeSpan Elapsed { get; private set; }
    public List<string> Said { get; } = [];
    public SimulationOptions Options => new(Out, Voters: Voters, Terminals: 3, LnereCount: 15000, Mix: Mix, WatcherFile: WatcherNotes);

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        Passed = await ModuleElection.Run(Options, line => { lock (Said) Said.Add(line); });
        Elapsed = clock.Elapsed;
    }

    public Task DisposeAsync()
    {
        if (Passed) Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The package the run used, opened with its authority key.</summary>
    public ElectionPackage Package()
    {
        var state = Path.Combine(Out, "state");
        var authority = PublicKey.FromPem(File.ReadAllText(Path.Combine(state, "authority", AuthorityFiles.PublicFile)));
        return ElectionPackageFile.Open(Path.Combine(state, "election-package.signed.json"), authority).ValueOrThrow().Package;
    }

    /// <summary>
    /// The ground truth: the plan made again from the run's LNERE and package (it is seeded), each
    /// voter the watcher saw and who voted, with the key their marking counts under. The power cut's
    /// voter cast no vote.
    /// </summary>
    public IReadOnlyList<TrueSelection> Truth(IReadOnlyList<Sighting> sightings)
    {
        var package = Package();
        var o = Options;
        var plan = VoterPlan.Make(Path.Combine(Out, "state", "lnere.csv"), package, o.ModuleId, o.Voters, o.Terminals, o.Mix);
        var seen = sightings.ToDictionary(s => s.Voter);
        return plan.Voters.Where(v => v.Act != VoterAct.PowerCut && seen.ContainsKey(v.Person.Clave)).SelectMany(v => v.Markings.Select(m =>
            new TrueSelection(seen[v.Person.Clave], m.ContestId, BallotRules.Classify(package.Contest(m.ContestId), m).Key))).ToList();
    }
}
