using Vmre.Firmware.Printing;

namespace Vmre.Firmware.Tests.Printing;

/// <summary>Finding printed text and commands in a layout's ESC/POS bytes, for the layout tests.</summary>
public static class TicketBytes
{
    public static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        return -1;
    }

    /// <summary>Printable text via the code page, with '\n' as the LF byte (the code page prints it as '?').</summary>
    public static byte[] Printed(string text) =>
        text.Split('\n').Select(CodePage858.GetBytes).Aggregate((a, b) => a.Append((byte)0x0A).Concat(b).ToArray());

    public static int IndexOfText(byte[] ticket, string text) => IndexOf(ticket, Printed(text));

    public static bool Contains(byte[] haystack, byte[] needle) => IndexOf(haystack, needle) >= 0;

    public static bool ContainsText(byte[] ticket, string text) => IndexOfText(ticket, text) >= 0;
}
