namespace Vmre.Devices.OfficialCardReader;

/// <summary>
/// The terminal's reader for officials' credential cards (rules.md R8: card and PIN). One
/// call looks at the antenna once; it never throws for anything the card or the reader does.
/// </summary>
public interface IOfficialCardReader : IDisposable
{
    CardReading Read();
}
