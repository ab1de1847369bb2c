using System.Globalization;

namespace Vmre.Lnere;

/// <summary>
/// Turns one CSV record into an <see cref="LnereRecord"/> or a specific reason (brief: bad
/// input gets a specific error). Checks each field's shape and the rules between fields:
/// the clave's date and sex agree with birth_date and sex; modality only for cumple;
/// module exactly for presencial.
/// </summary>
public static class LnereRowParser
{
    public static LnereRow Parse(int line, IReadOnlyList<string> f)
    {
        if (f.Count != LnereCodes.Header.Length)
            return LnereRow.Malformed(line, $"expected {LnereCodes.Header.Length} fields, got {f.Count}");
        var problem = Check(f, out var record);
        return problem is null ? LnereRow.Ok(line, record!) : LnereRow.Malformed(line, problem);
    }

    private static string? Check(IReadOnlyList<string> f, out LnereRecord? record)
    {
        record = null;
        var clave = f[0];
        if (ClaveElector.Problem(clave) is { } bad) return bad;
        if (!IsDigits(f[1], 9)) return $"cic must be 9 digits, got '{f[1]}'";
        if (!IsDigits(f[2], 13)) return $"citizen_id must be 13 digits, got '{f[2]}'";
        if (string.IsNullOrWhiteSpace(f[3])) return "surnames is empty";
        if (string.IsNullOrWhiteSpace(f[4])) return "given_names is empty";
        if (LnereCodes.SexFrom(f[5]) is not { } sex) return $"sex must be H or M, got '{f[5]}'";
        if (!DateOnly.TryParseExact(f[6], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            return $"birth_date must be YYYY-MM-DD, got '{f[6]}'";
        if (ClaveElector.DatePart(birth) != clave[6..12]) return $"clave_elector date {clave[6..12]} disagrees with birth_date {f[6]}";
        if (clave[14].ToString() != f[5]) return $"clave_elector sex {clave[14]} disagrees with sex {f[5]}";
        if (!IsEntidad(f[7])) return $"entidad must be 01-32, got '{f[7]}'";
        if (string.IsNullOrWhiteSpace(f[8])) return "country is empty";
        if (LnereCodes.ChannelFrom(f[9]) is not { } channel) return $"channel must be INETEL or SRVE, got '{f[9]}'";
        if (LnereCodes.CredentialFrom(f[10]) is not { } credential) return $"credential must be CPVE or CPV, got '{f[10]}'";
        if (LnereCodes.StatusFrom(f[11]) is not { } status) return $"status must be cumple, subsane or revision, got '{f[11]}'";
        Modality? modality = null;
        if (status == ApplicationStatus.Cumple)
        {
            modality = LnereCodes.ModalityFrom(f[12]);
            if (modality is null) return $"modality must be internet, postal or presencial for status cumple, got '{f[12]}'";
        }
        else if (f[12].Length > 0) return $"modality must be empty for status {f[11]}, got '{f[12]}'";
        string? module = null;
        if (modality == Modality.Presencial)
        {
            if (!IsModuleId(f[13])) return $"module must be MRV- and 2-8 letters for presencial, got '{f[13]}'";
            module = f[13];
        }
        else if (f[13].Length > 0) return $"module must be empty unless modality is presencial, got '{f[13]}'";
        record = new LnereRecord(clave, f[1], f[2], f[3].Trim(), f[4].Trim(), sex, birth, f[7], f[8], channel,
            credential, status, modality, module);
        return null;
    }

    private static bool IsDigits(string s, int length) => s.Length == length && s.All(char.IsAsciiDigit);

    private static bool IsEntidad(string s) => IsDigits(s, 2) && int.Parse(s) is >= 1 and <= 32;

    public static bool IsModuleId(string s) =>
        s.StartsWith("MRV-", StringComparison.Ordinal) && s.Length is >= 6 and <= 12 && s[4..].All(char.IsAsciiLetterUpper);
}
