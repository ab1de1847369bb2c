namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>The countries-of-residence table of shared/design/DATA.md (totals 1,089 / 2,335).</summary>
public static class ResidenceCountries
{
    public static IReadOnlyList<ResidenceCountry> All { get; } =
    [
        new("United States", 991, 2099), new("Canada", 36, 78), new("Spain", 13, 32), new("Germany", 11, 17),
        new("France", 6, 13), new("United Kingdom", 2, 15), new("Australia", 3, 10), new("Netherlands", 5, 5),
        new("Colombia", 1, 8), new("Italy", 2, 5), new("Argentina", 3, 3), new("Austria", 2, 4),
        new("Finland", 1, 4), new("Switzerland", 3, 2), new("Costa Rica", 0, 4), new("Guatemala", 0, 4),
        new("Ireland", 2, 2), new("Panama", 1, 3), new("Brazil", 0, 3), new("Nicaragua", 0, 3),
        new("Czech Republic", 1, 2), new("Chile", 0, 2), new("Cuba", 0, 2), new("Ecuador", 1, 1),
        new("United Arab Emirates", 1, 1), new("Luxembourg", 0, 2), new("Puerto Rico", 1, 1),
        new("Afghanistan", 1, 0), new("Belgium", 0, 1), new("Croatia", 0, 1), new("Denmark", 0, 1),
        new("El Salvador", 0, 1), new("Hungary", 0, 1), new("Japan", 0, 1), new("Norway", 1, 0),
        new("Portugal", 0, 1), new("Qatar", 0, 1), new("Singapore", 1, 0), new("Sweden", 0, 1), new("Turkey", 0, 1),
    ];
}
