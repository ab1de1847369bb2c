using System.CommandLine;
using System.Globalization;

namespace Vmre.Cli;

/// <summary>
/// Whole-number options read as VMRE reads them (invariant digits, no sign unless a negative
/// minimum allows one), with a usage error that names the option and the range (issue 7.5).
/// </summary>
public static class OptionRules
{
    public static Option<int> WholeNumber(this Option<int> option, int minimum, int maximum = int.MaxValue)
    {
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            var styles = minimum < 0 ? NumberStyles.AllowLeadingSign : NumberStyles.None;
            if (!int.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
            {
                var range = maximum == int.MaxValue ? $"of at least {minimum:N0}" : $"from {minimum:N0} to {maximum:N0}";
                result.AddError($"{option.Name} must be a whole number {range}, got '{text}'");
                return default;
            }
            return value;
        };
        return option;
    }
}
