namespace Vmre.Common.Signing;

/// <summary>Base64 decoding at the boundary: text that is missing or not base64 is a refusal, not an exception.</summary>
internal static class Base64
{
    public static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null) return false;
        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
