using Vmre.Common.Lnere;
using Vmre.Lnere;
using Vmre.Provisioning.Modules;

namespace Vmre.Provisioning.Slicing;

/// <summary>
/// Cuts one module's slice from LNERE records as they stream by (brief section 2, "Before"):
/// identities only for the module's own in-person voters who meet the requirements
/// (rules.md R2), and for everyone else just hashed clave and CIC keys with the reason they cannot
/// vote here. A clave or CIC seen twice is a problem: the same person could otherwise be both
/// a voter and blocked.
/// </summary>
public sealed class SliceBuilder(MrvModule module, string electionId)
{
    private readonly List<SliceVoter> _voters = [];
    private readonly List<SliceBlock> _blocked = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];

    public int ProblemCount { get; private set; }
    public IReadOnlyList<string> FirstProblems => _problems;
    public SortedDictionary<BlockReason, int> BlockedByReason { get; } = new();

    public void Add(int line, LnereRecord r)
    {
        var clave = SliceKey.OfClave(r.Clave);
        var cic = SliceKey.OfCic(r.Cic);
        if (!_keys.Add(clave)) Problem($"line {line}: clave_elector already on an earlier row");
        if (!_keys.Add(cic)) Problem($"line {line}: cic already on an earlier row");
        if (r.VotesInPersonAt(module.Id))
        {
            _voters.Add(new SliceVoter(r.Clave, r.Cic, r.Surnames, r.GivenNames, r.Entidad, LnereCodes.Of(r.Credential)));
            return;
        }
        var reason = ReasonFor(r);
        _blocked.Add(new SliceBlock(clave, reason));
        _blocked.Add(new SliceBlock(cic, reason));
        BlockedByReason[reason] = BlockedByReason.GetValueOrDefault(reason) + 1;
    }

    public static BlockReason ReasonFor(LnereRecord r) => r switch
    {
        { MeetsRequirements: false } => BlockReason.NotEligible,
        { Modality: Modality.Postal } => BlockReason.Postal,
        { Modality: Modality.Internet } => BlockReason.Internet,
        _ => BlockReason.OtherModule,
    };

    /// <summary>
    /// Voters sorted by clave and blocked keys by key, so neither list keeps the LNERE's row
    /// order, which follows registration time (rules.md R3: no order that reveals anything).
    /// </summary>
    public LnereSlice Build()
    {
        _voters.Sort((a, b) => string.CompareOrdinal(a.Clave, b.Clave));
        _blocked.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new LnereSlice(LnereSlice.FormatV1, electionId, module.Id, module.Name, _voters, _blocked);
    }

    private void Problem(string text)
    {
        ProblemCount++;
        if (_problems.Count < LnereIngestion.ReasonsShown) _problems.Add("  " + text);
    }
}
