namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>
/// Unique, scattered fixed-width numbers without a set: i → (a·i + b) mod 10^digits is a
/// bijection when a is coprime to 10, so row i always gets a different CIC than row j.
/// </summary>
public sealed class UniqueNumbers
{
    private readonly UInt128 _a;
    private readonly UInt128 _b;
    private readonly UInt128 _modulus;
    private readonly string _format;

    public UniqueNumbers(Random random, int digits)
    {
        _modulus = UInt128.Parse("1" + new string('0', digits));
        var a = (ulong)random.NextInt64(1, long.MaxValue) % (ulong)_modulus;
        if (a % 2 == 0) a++;
        if (a % 5 == 0) a += 2;
        _a = a;
        _b = (ulong)random.NextInt64(0, long.MaxValue) % (ulong)_modulus;
        _format = "D" + digits;
    }

    public string Of(long index) => ((ulong)((_a * (UInt128)(ulong)index + _b) % _modulus)).ToString(_format);
}
