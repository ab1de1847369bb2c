using System.CommandLine;

namespace Vmre.Cli;

/// <summary>Checks on option values that System.CommandLine's type parsing does not make, as usage errors that name the option.</summary>
public static class OptionRules
{
    /// <summary>A whole number of at least <paramref name="minimum"/>: counts, seconds, seeds.</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < minimum) result.AddError($"{option.Name} must be a whole number of at least {minimum}, got {value}");
        });
        return option;
    }

    /// <summary>Like <see cref="AtLeast(Option{int},int)"/>, for an option that may be left out.</summary>
    public static Option<int?> AtLeast(this Option<int?> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && value < minimum)
                result.AddError($"{option.Name} must be a whole number of at least {minimum}, got {value}");
        });
        return option;
    }
}
