using Vmre.Lnere;
using Vmre.Provisioning.Modules;

namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>
/// A synthetic LNERE shaped on the public figures of DATA.md (never real data). At the
/// default 3,641 rows it reproduces the state, status, modality, channel, credential, sex and
/// country-of-residence totals exactly; at other sizes they are apportioned in the same
/// proportions. Rows stream to the writer one at a time, so 2,000,000 rows need no more
/// memory than 3,641 (beyond a set of clave hashes for uniqueness). System.Random seeded:
/// this is test data, so it must be reproducible, not secret.
/// </summary>
public sealed class LnereGenerator
{
    /// <summary>Ages are reckoned at election day, 4 June 2023.</summary>
    public static readonly DateOnly ElectionDay = new(2023, 6, 4);

    private readonly Random _random;
    private readonly int _count;
    private readonly UniqueNumbers _cics;
    private readonly UniqueNumbers _citizenIds;
    private readonly HashSet<ulong> _claves = [];

    public LnereGenerator(int seed, int count = StateProfiles.DefaultCount)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
        _random = new Random(seed);
        _count = count;
        _cics = new UniqueNumbers(_random, 9);
        _citizenIds = new UniqueNumbers(_random, 13);
    }

    public GenerationSummary Write(TextWriter writer)
    {
        var summary = new GenerationSummary();
        var states = StateProfiles.All;
        var split = Apportion.Of(_count, states.Select(s => s.Applications).ToArray());
        var plans = states.Select((profile, i) => new StatePlan(profile, split[i])).ToArray();
        var stateUrn = new CountUrn(split);
        LnereWriter.WriteHeader(writer);
        for (var row = 0; row < _count; row++)
        {
            var record = Next(row, plans[stateUrn.Draw(_random)]);
            LnereWriter.Write(writer, record);
            summary.Count(record);
        }
        return summary;
    }

    private LnereRecord Next(int row, StatePlan plan)
    {
        var status = (ApplicationStatus)plan.Status.Draw(_random);
        var group = status == ApplicationStatus.Cumple ? plan.Cumple : plan.NotMeeting;
        var channel = (RegistrationChannel)group.Channel.Draw(_random);
        var credential = (CredentialType)group.Credential.Draw(_random);
        var sex = (Sex)group.Sex.Draw(_random);
        Modality? modality = null;
        string? module = null;
        string country;
        if (status == ApplicationStatus.Cumple)
        {
            modality = (Modality)plan.Modality.Draw(_random);
            if (modality == Modality.Presencial)
            {
                var mrv = PickModule();
                module = mrv.Id;
                country = mrv.Country;
            }
            else country = ResidenceCountries.All[plan.Country.Draw(_random)].Name;
        }
        else country = ResidenceCountries.All[Weighted(plan.CountryWeights)].Name;

        var paternal = Pick(NameLists.Surnames);
        var maternal = Pick(NameLists.Surnames);
        var given = Pick(sex == Sex.H ? NameLists.MenGivenNames : NameLists.WomenGivenNames);
        var birth = BirthDate(plan.Profile.MeanAge);
        var stateOfBirth = _random.NextDouble() < 0.75 ? int.Parse(plan.Profile.Entidad) : _random.Next(1, 33);
        var clave = UniqueClave(ClaveComposer.Letters(paternal, maternal, given), birth, stateOfBirth, sex);
        return new LnereRecord(clave, _cics.Of(row), _citizenIds.Of(row), $"{paternal} {maternal}", given, sex,
            birth, plan.Profile.Entidad, country, channel, credential, status, modality, module);
    }

    private string UniqueClave(string letters, DateOnly birth, int state, Sex sex)
    {
        var homoclave = _random.Next(1000);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var clave = ClaveComposer.Compose(letters, birth, state, sex == Sex.H ? 'H' : 'M', (homoclave + attempt) % 1000);
            if (_claves.Add(Fnv1a(clave))) return clave;
        }
        throw new InvalidOperationException($"no free homoclave for {letters}{birth:yyMMdd}");
    }

    private DateOnly BirthDate(double meanAge)
    {
        // Normal around the state's mean age (Box–Muller), kept to adults of 18-95.
        var gaussian = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
        var age = Math.Clamp((int)Math.Round(meanAge + 13 * gaussian), 18, 95);
        return ElectionDay.AddYears(-age - 1).AddDays(1 + _random.Next(365));
    }

    private MrvModule PickModule()
    {
        var roll = _random.NextDouble() * PilotModules.All.Sum(m => m.Weight);
        foreach (var m in PilotModules.All)
            if ((roll -= m.Weight) < 0) return m;
        return PilotModules.All[^1];
    }

    private int Weighted(int[] weights)
    {
        var roll = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
            if ((roll -= weights[i]) < 0) return i;
        return weights.Length - 1;
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
