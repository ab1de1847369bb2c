using Vmre.HardwareSim.Nfc;

namespace Vmre.Devices.Tests.OfficialCardReader;

/// <summary>
/// An ISO-DEP card that answers each APDU as the test says: a bank card without the VMRE-K2
/// applet, or a card that breaks the format. A stand-in for a card only, to test the reader
/// code above it (the PN532 emulator, the binding and the pty are the real ones).
/// </summary>
internal sealed class ScriptedCard(Func<byte[], byte[]> answer) : IContactlessTarget
{
    public ushort Atqa => 0x0344;
    public byte Sak => 0x20;
    public byte[] Uid => [0x04, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60];
    public byte[]? Ats => [0x05, 0x78, 0x80, 0x70, 0x02];

    public void PowerOn() { }

    public byte[]? Answer(ReadOnlySpan<byte> frame) => answer(frame.ToArray());
}
