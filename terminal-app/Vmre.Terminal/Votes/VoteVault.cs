using Vmre.Terminal.Session;

namespace Vmre.Terminal.Votes;

/// <summary>
/// The terminal's votes: the vote store and the storage key that seals them, held here and
/// nowhere else (rules.md R3: the key lives only in memory, in one object). Sealing encrypts
/// under the key; only closing opens them all, to count. Testigo rows and the terminal's
/// counters pass through unchanged, so every change to what the store holds goes through here.
/// </summary>
public sealed class VoteVault(VoteStore store, byte[] storageKey)
{
    public const string ActivationsRedeemed = "activations-redeemed";
    public const string SessionsAbandoned = "sessions-abandoned";
    /// <summary>Sealed votes whose acceptance mark job failed after paper may have left (issue 9 review, rules.md R1).</summary>
    public const string AcceptanceMarksTorn = "acceptance-marks-torn";
    private const string PollsState = "polls-state";

    /// <summary>Findings of the store's last verification (issue 10 point 2); empty means whole. A store with findings accepts no new testigo.</summary>
    public IReadOnlyList<StoreFinding> IntegrityFindings => store.Findings;

    /// <summary>Verifies the whole store again (at closing, issue 10 point 2) and returns every finding so far.</summary>
    public IReadOnlyList<StoreFinding> VerifyStore() => store.Verify();

    /// <summary>Advances the store's TPM epoch (at polls open and polls close, issue 10 point 2); false on a store with findings.</summary>
    public bool AdvanceEpoch() => store.AdvanceEpoch();

    private TerminalPolls? _pollsHeldInMemory;

    public TerminalPolls Polls => _pollsHeldInMemory ?? (TerminalPolls)store.Counter(PollsState);

    /// <summary>
    /// Issue 10 point 2: the polls opening and closing advance the store's TPM epoch (two of the
    /// day's NV writes, docs/formats/vote-store.md), so a copy of the file from before either is
    /// an older epoch. A store with findings refuses every change: its polls state is then held in
    /// memory only, so the officials can still close and get a closing record that states the findings.
    /// </summary>
    public void SetPolls(TerminalPolls polls)
    {
        if (IntegrityFindings.Count > 0) { _pollsHeldInMemory = polls; return; }
        store.Set(PollsState, (int)polls);
        if (polls is TerminalPolls.Open or TerminalPolls.Closed) store.AdvanceEpoch();
    }

    /// <summary>The voter accepted the printed testigo (the vote counts from here, its acceptance mark owed): its payload (the text on the paper, rules.md R1) sealed under the storage key.</summary>
    public void Seal(string testigoId, string payload) => store.Seal(testigoId, SealedVote.Seal(storageKey, testigoId, payload));

    /// <summary>Every sealed vote's payload, in id order (random, so no cast order: rules.md R3). For the count at closing only.</summary>
    public IEnumerable<string> OpenAll()
    {
        foreach (var (testigoId, vote) in store.SealedVotes())
        {
            string? payload;
            // Issue 10 point 2: on a store with findings an altered row does not open; the record
            // counts what does and states the findings, and the server does not count it.
            try { payload = SealedVote.Open(storageKey, testigoId, vote); }
            catch (System.Security.Cryptography.CryptographicException) when (IntegrityFindings.Count > 0) { payload = null; }
            if (payload is not null) yield return payload;
        }
    }

    public void BeginPrinting(string testigoId) => store.BeginPrinting(testigoId);
    public void Printed(string testigoId) => store.Printed(testigoId);
    public void Voided(string testigoId) => store.Voided(testigoId);
    public void Voiding(string testigoId, string reasonCode) => store.Voiding(testigoId, reasonCode);
    public void VoidMarkPrinted(string testigoId) => store.VoidMarkPrinted(testigoId);
    public IReadOnlyList<(string TestigoId, string ReasonCode)> VoidMarksOwed() => store.VoidMarksOwed();
    public void Cast(string testigoId) => store.Cast(testigoId);
    public IReadOnlyList<string> AcceptanceMarksOwed() => store.AcceptanceMarksOwed();
    public void AcceptanceMarkTorn(string testigoId) => store.AcceptanceMarkTorn(testigoId, AcceptanceMarksTorn);
    public IReadOnlyList<string> UnfinishedTestigos() => store.UnfinishedTestigos();

    /// <summary>Testigos by state, with the marks still owed (for the closing record, design section 4).</summary>
    public TestigoCounts Testigos() => store.Counts();

    public void ActivationRedeemed() => store.Increment(ActivationsRedeemed);
    public void SessionWithoutVote() => store.Increment(SessionsAbandoned);

    /// <summary>Redeemed activations that are neither a sealed vote nor a counted session without one (a cut ended them).</summary>
    public int SessionsUnaccounted() =>
        store.Counter(ActivationsRedeemed) - store.Counts().Sealed - store.Counter(SessionsAbandoned);

    public VoteTotals Totals()
    {
        var counts = store.Counts();
        return new VoteTotals(counts.Sealed, counts.TestigosPrinted, counts.Voided,
            store.Counter(ActivationsRedeemed), store.Counter(SessionsAbandoned), counts.VoidMarksOwed, counts.AcceptanceMarksOwed,
            store.Counter(AcceptanceMarksTorn));
    }
}
