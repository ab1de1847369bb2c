using System.Security.Cryptography;
using System.Text;
using Vmre.Common.Cards;

namespace Vmre.HardwareSim.Nfc;

/// <summary>
/// An official's VMRE-K2 card (docs/formats/official-card.md v2, issue 11 point 1): an ISO/IEC
/// 14443-4 type A smart card (SAK 0x20, with an ATS) running the VMRE-K2 applet. It holds the
/// credential id, an ECDSA P-256 private key that never leaves it, and the PIN's salted hash with
/// its own try counter: 10 consecutive wrong PINs block it for good. It answers SELECT,
/// AUTHENTICATE and PRESENCE with a signature over the challenge; it signs a wrong PIN too, so the
/// application can count failures only for a genuine card.
/// </summary>
public sealed partial class SimulatedSmartCard : IContactlessTarget, IDisposable
{
    /// <summary>TL 06, T0 78 (TA1 TB1 TC1 present, FSC 256), TA1 77, TB1 81 (FWI 8, SFGI 1), TC1 02 (CID), historical byte 80.</summary>
    private static readonly byte[] AnswerToSelect = [0x06, 0x78, 0x77, 0x81, 0x02, 0x80];
    private const int PinSaltLength = 16;
    private const int PinHashLength = 32;
    private const int PinIterations = 10_000;

    private readonly object _gate = new();
    private readonly string _credentialId;
    private readonly ECDsa _key;
    private readonly byte[] _uid;
    private readonly byte[] _pinSalt;
    private readonly byte[] _pinHash;
    private int _wrongPinsInARow;
    private bool _selected;
    private string? _file;

    private SimulatedSmartCard(string credentialId, ECDsa key, byte[] uid, byte[] pinSalt, byte[] pinHash, int wrongPinsInARow)
    {
        _credentialId = credentialId;
        _key = key;
        _uid = uid;
        _pinSalt = pinSalt;
        _pinHash = pinHash;
        _wrongPinsInARow = wrongPinsInARow;
    }

    /// <summary>
    /// A new card for <paramref name="credentialId"/>, with a fresh key pair made inside it and the
    /// PIN (4-8 digits) set. <paramref name="uid"/>: 4 or 7 bytes; default a random 7-byte UID.
    /// </summary>
    public static SimulatedSmartCard Personalise(string credentialId, ReadOnlySpan<char> pin, byte[]? uid = null)
    {
        if (!CardStatement.IsCredentialId(credentialId))
            throw new ArgumentException("a credential id is 1-32 printable ASCII characters without spaces", nameof(credentialId));
        if (!K2Applet.IsPin(pin)) throw new ArgumentException("a PIN is 4 to 8 digits", nameof(pin));
        uid ??= [0x04, .. RandomNumberGenerator.GetBytes(6)]; // NXP's manufacturer code first, never the cascade tag 0x88
        CheckUid(uid);
        var salt = RandomNumberGenerator.GetBytes(PinSaltLength);
        Span<byte> digits = stackalloc byte[K2Applet.MaxPinLength];
        int n = Encoding.ASCII.GetBytes(pin, digits);
        try
        {
            return new(credentialId, ECDsa.Create(ECCurve.NamedCurves.nistP256), (byte[])uid.Clone(), salt, HashPin(digits[..n], salt), 0);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(digits);
        }
    }

    public string CredentialId => _credentialId;

    /// <summary>The card's public key (SubjectPublicKeyInfo PEM): what the signed module config lists for it.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem() + "\n";

    /// <summary>Wrong PINs still allowed before the card blocks itself.</summary>
    public int PinTriesLeft { get { lock (_gate) return K2Applet.PinTries - _wrongPinsInARow; } }

    public bool IsBlocked => PinTriesLeft == 0;

    public ushort Atqa => _uid.Length == 7 ? (ushort)0x0344 : (ushort)0x0304;

    public byte Sak => K2Applet.IsoDepSakBit;

    public byte[] Uid => (byte[])_uid.Clone();

    public byte[]? Ats => (byte[])AnswerToSelect.Clone();

    public void PowerOn() { lock (_gate) _selected = false; }

    /// <summary>The response APDU (data, SW1, SW2) to one command APDU; a card always answers.</summary>
    public byte[]? Answer(ReadOnlySpan<byte> frame)
    {
        lock (_gate) return Respond(frame);
    }

    public void Dispose() => _key.Dispose();

    private byte[] Respond(ReadOnlySpan<byte> bytes)
    {
        if (CommandApdu.Parse(bytes) is not { } apdu)
            return bytes.Length >= 2 && bytes[0] is not (K2Applet.InterindustryClass or K2Applet.ProprietaryClass) ? Status(K2Applet.ClassNotSupported) : Status(K2Applet.WrongLength);
        return (apdu.Cla, apdu.Ins) switch
        {
            (K2Applet.InterindustryClass, K2Applet.SelectInstruction) => Select(apdu),
            (K2Applet.ProprietaryClass, K2Applet.AuthenticateInstruction) => Authenticate(apdu),
            (K2Applet.ProprietaryClass, K2Applet.PresenceInstruction) => Presence(apdu),
            (K2Applet.InterindustryClass or K2Applet.ProprietaryClass, _) => Status(K2Applet.InstructionNotSupported),
            _ => Status(K2Applet.ClassNotSupported),
        };
    }

    private byte[] Select(CommandApdu apdu)
    {
        if (apdu.P1 != K2Applet.SelectByName || apdu.P2 != 0x00) return Status(K2Applet.WrongP1P2);
        if (!IsCase4(apdu, 1, 16)) return Status(K2Applet.WrongLength);
        // An unknown AID leaves the current selection as it was (a Java Card's behaviour).
        if (!apdu.Data.AsSpan().SequenceEqual(K2Applet.Aid)) return Status(K2Applet.FileNotFound);
        _selected = true;
        var id = Encoding.ASCII.GetBytes(_credentialId);
        return [(byte)id.Length, .. id, .. StatusBytes(K2Applet.Ok)];
    }

    private byte[] Authenticate(CommandApdu apdu)
    {
        if (apdu.P1 != 0 || apdu.P2 != 0) return Status(K2Applet.WrongP1P2);
        if (!IsCase4(apdu, CardChallenge.Length + K2Applet.MinPinLength, CardChallenge.Length + K2Applet.MaxPinLength)) return Status(K2Applet.WrongLength);
        if (!_selected) return Status(K2Applet.ConditionsNotSatisfied);
        var pin = apdu.Data.AsSpan(CardChallenge.Length);
        try
        {
            if (!K2Applet.IsPin(pin)) return Status(K2Applet.WrongData);
            var verdict = CheckPin(pin);
            return Signed(verdict, CardChallenge.From(apdu.Data.AsSpan(0, CardChallenge.Length)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(apdu.Data);
        }
    }

    private byte[] Presence(CommandApdu apdu)
    {
        if (apdu.P1 != 0 || apdu.P2 != 0) return Status(K2Applet.WrongP1P2);
        if (!IsCase4(apdu, CardChallenge.Length, CardChallenge.Length)) return Status(K2Applet.WrongLength);
        if (!_selected) return Status(K2Applet.ConditionsNotSatisfied);
        return Signed(CardVerdict.Present, CardChallenge.From(apdu.Data));
    }

    private CardVerdict CheckPin(ReadOnlySpan<byte> pin)
    {
        if (_wrongPinsInARow >= K2Applet.PinTries) return CardVerdict.CardBlocked; // blocked for good: the PIN is not even looked at
        var hash = HashPin(pin, _pinSalt);
        bool right = CryptographicOperations.FixedTimeEquals(hash, _pinHash);
        CryptographicOperations.ZeroMemory(hash);
        int before = _wrongPinsInARow;
        _wrongPinsInARow = right ? 0 : _wrongPinsInARow + 1;
        if (_wrongPinsInARow != before) Persist(); // the counter is in the chip's non-volatile memory
        return right ? CardVerdict.PinAccepted
            : _wrongPinsInARow >= K2Applet.PinTries ? CardVerdict.CardBlocked : CardVerdict.PinWrong;
    }

    private byte[] Signed(CardVerdict verdict, CardChallenge challenge)
    {
        var signature = _key.SignData(CardStatement.Bytes(verdict, challenge, _credentialId), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return [(byte)verdict, .. signature, .. StatusBytes(K2Applet.Ok)];
    }

    private static bool IsCase4(CommandApdu apdu, int minData, int maxData) =>
        apdu.HasLe && apdu.Le == 0x00 && apdu.Data.Length >= minData && apdu.Data.Length <= maxData;

    private static byte[] HashPin(ReadOnlySpan<byte> pin, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(pin, salt, PinIterations, HashAlgorithmName.SHA256, PinHashLength);

    private static byte[] Status(ushort sw) => StatusBytes(sw);

    private static byte[] StatusBytes(ushort sw) => [(byte)(sw >> 8), (byte)sw];

    private static void CheckUid(byte[] uid)
    {
        if (uid.Length is not (4 or 7)) throw new ArgumentException("an ISO/IEC 14443-3 UID here is 4 or 7 bytes", nameof(uid));
        if (uid[0] == 0x88) throw new ArgumentException("UID0 0x88 is the cascade tag (ISO/IEC 14443-3)", nameof(uid));
    }
}
