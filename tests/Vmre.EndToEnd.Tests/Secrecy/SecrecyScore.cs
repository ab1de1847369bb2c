namespace Vmre.EndToEnd.Tests.Secrecy;

/// <summary>One voter's selection in one contest, as the simulation's plan made it (the ground truth).</summary>
public sealed record TrueSelection(Sighting Voter, string ContestId, string Key);

/// <summary>
/// The observer against the baseline over every voter-contest pair: how often each is right,
/// the discordant pairs, and McNemar's exact two-sided p (<see cref="McNemarExact"/>).
/// </summary>
public sealed record SecrecyScore(int Pairs, int ObserverRight, int BaselineRight, int OnlyObserverRight, int OnlyBaselineRight, int RecordsRead)
{
    public double P => McNemarExact.TwoSided(OnlyObserverRight, OnlyBaselineRight);

    public static SecrecyScore Measure(PublicObserver observer, IReadOnlyList<TrueSelection> truth)
    {
        int observerRight = 0, baselineRight = 0, onlyObserver = 0, onlyBaseline = 0;
        foreach (var t in truth)
        {
            var o = string.Equals(observer.Guess(t.Voter, t.ContestId), t.Key, StringComparison.OrdinalIgnoreCase);
            var b = string.Equals(observer.Baseline(t.Voter, t.ContestId), t.Key, StringComparison.OrdinalIgnoreCase);
            if (o) observerRight++;
            if (b) baselineRight++;
            if (o && !b) onlyObserver++;
            if (b && !o) onlyBaseline++;
        }
        return new SecrecyScore(truth.Count, observerRight, baselineRight, onlyObserver, onlyBaseline, observer.RecordsRead);
    }

    public override string ToString() =>
        $"{Pairs} voter-contest pairs, {RecordsRead} published records read; observer right {ObserverRight} ({100.0 * ObserverRight / Pairs:F1}%), "
        + $"baseline (published totals) right {BaselineRight} ({100.0 * BaselineRight / Pairs:F1}%); only the observer right {OnlyObserverRight}, "
        + $"only the baseline right {OnlyBaselineRight}; McNemar exact two-sided p = {P:G4}";
}
