using System.IO.Ports;
using System.Reflection;
using Iot.Device.Pn532;

namespace Vmre.Devices.OfficialCardReader;

/// <summary>
/// Widens how long the Iot.Device.Pn532 binding waits for each PN532 answer over HSU. The
/// binding (4.2.0) fixes it at 89 ms for 115200 baud — its serial port's ReadTimeout, used as
/// the count of 1 ms polls — with no setting for it. That is enough for a Type 2 READ but not
/// for a smart card: the PN532 answers InDataExchange only when the card has, and a card signing
/// with ECDSA P-256 takes tens to hundreds of milliseconds (an ISO-DEP card may also ask for
/// waiting-time extensions). A late answer would read as "no card", and after AUTHENTICATE the
/// reader may not ask again (the card may have counted the PIN). So the port's ReadTimeout is
/// set through the binding's private field; with a binding that no longer has it, this throws
/// and the reader fails loudly instead of timing out at random (issue 11 point 1).
/// </summary>
internal static class BindingAnswerWindow
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private static readonly FieldInfo? Port = typeof(Pn532).GetField("_serialPort", BindingFlags.Instance | BindingFlags.NonPublic);

    public static Pn532 Widen(Pn532 chip)
    {
        if (Port?.GetValue(chip) is not SerialPort port)
            throw new InvalidOperationException("the Iot.Device.Pn532 binding has no serial port field to set its answer window on (a new binding version?)");
        port.ReadTimeout = (int)Window.TotalMilliseconds;
        return chip;
    }
}
