using Vmre.Firmware.Text;

namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// Builds ESC/POS byte streams for an 80 mm, 203 dpi thermal printer (48 columns in
    /// font A). Methods chain. Arguments out of range are programming errors and throw.
    /// The same bytes go to the real printer and to the simulator's emulated one (Brief
    /// section 4: one code path).
    /// </summary>
    public sealed class EscPosWriter
    {
        public const byte Esc = 0x1B;
        public const byte Gs = 0x1D;
        public const byte Lf = 0x0A;

        /// <summary>Columns of font A (12x24 dots) on 80 mm paper at 203 dpi.</summary>
        public const int Columns = 48;

        private readonly ByteBuffer _buffer = new ByteBuffer(512);

        public int Length { get { return _buffer.Length; } }

        /// <summary>ESC @: reset the printer's modes (not its buffer contents).</summary>
        public EscPosWriter Initialize()
        {
            return Bytes(Esc, 0x40);
        }

        /// <summary>ESC t 19: code page 858, the one CodePage858 maps to.</summary>
        public EscPosWriter SelectCodePage858()
        {
            return Bytes(Esc, 0x74, 19);
        }

        /// <summary>ESC a n: justification, effective at the start of a line.</summary>
        public EscPosWriter Align(TextAlignment alignment)
        {
            int n = (int)alignment;
            if (n < 0 || n > 2) throw new System.ArgumentOutOfRangeException("alignment");
            return Bytes(Esc, 0x61, (byte)n);
        }

        /// <summary>ESC E n: emphasized on or off.</summary>
        public EscPosWriter Bold(bool on)
        {
            return Bytes(Esc, 0x45, (byte)(on ? 1 : 0));
        }

        /// <summary>ESC - n: underline off (0) or one dot thick (1).</summary>
        public EscPosWriter Underline(bool on)
        {
            return Bytes(Esc, 0x2D, (byte)(on ? 1 : 0));
        }

        /// <summary>GS ! n: character width and height multipliers, 1 to 8 each.</summary>
        public EscPosWriter Size(int widthMultiplier, int heightMultiplier)
        {
            if (widthMultiplier < 1 || widthMultiplier > 8) throw new System.ArgumentOutOfRangeException("widthMultiplier");
            if (heightMultiplier < 1 || heightMultiplier > 8) throw new System.ArgumentOutOfRangeException("heightMultiplier");
            return Bytes(Gs, 0x21, (byte)(((widthMultiplier - 1) << 4) | (heightMultiplier - 1)));
        }

        /// <summary>Text in code page 858; unknown and control chars print as '?'.</summary>
        public EscPosWriter Text(string text)
        {
            if (text == null) throw new System.ArgumentNullException("text");
            _buffer.Add(CodePage858.GetBytes(text));
            return this;
        }

        /// <summary>Text then LF.</summary>
        public EscPosWriter Line(string text)
        {
            Text(text);
            _buffer.Add(Lf);
            return this;
        }

        /// <summary>An empty line (LF).</summary>
        public EscPosWriter Line()
        {
            _buffer.Add(Lf);
            return this;
        }

        /// <summary>ESC d n: print and feed n lines.</summary>
        public EscPosWriter Feed(int lines)
        {
            if (lines < 0 || lines > 255) throw new System.ArgumentOutOfRangeException("lines");
            return Bytes(Esc, 0x64, (byte)lines);
        }

        /// <summary>
        /// GS ( k: a QR code (model 2) of data's UTF-8 bytes. Five commands: select model,
        /// module size, error correction, store data, print.
        /// </summary>
        public EscPosWriter Qr(string data, int moduleSize, QrErrorCorrection errorCorrection)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            if (moduleSize < 1 || moduleSize > 16) throw new System.ArgumentOutOfRangeException("moduleSize");
            int level = (int)errorCorrection;
            if (level < 0 || level > 3) throw new System.ArgumentOutOfRangeException("errorCorrection");
            byte[] bytes = Utf8.GetBytes(data);
            if (bytes.Length < 1 || bytes.Length > 7089) throw new System.ArgumentOutOfRangeException("data");

            Bytes(Gs, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
            Bytes(Gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, (byte)moduleSize);
            Bytes(Gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, (byte)(48 + level));
            int storeLength = bytes.Length + 3;
            Bytes(Gs, 0x28, 0x6B, (byte)(storeLength & 0xFF), (byte)(storeLength >> 8), 0x31, 0x50, 0x30);
            _buffer.Add(bytes);
            return Bytes(Gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30);
        }

        /// <summary>
        /// ESC K n: feed the paper backward dots rows, as commands of at most 255 rows each.
        /// The printer stops a reverse feed at its last cut, so a long one lands at the top of
        /// the uncut page (how a void is printed over the held testigo, issue 9 point 1).
        /// </summary>
        public EscPosWriter ReverseFeedDots(int dots)
        {
            if (dots < 0) throw new System.ArgumentOutOfRangeException("dots");
            while (dots > 0)
            {
                int n = dots > 255 ? 255 : dots;
                Bytes(Esc, 0x4B, (byte)n);
                dots -= n;
            }
            return this;
        }

        /// <summary>GS B n: white-on-black (reverse video) printing on or off.</summary>
        public EscPosWriter ReverseVideo(bool on)
        {
            return Bytes(Gs, 0x42, (byte)(on ? 1 : 0));
        }

        /// <summary>ESC 3 n: line spacing of n dot rows.</summary>
        public EscPosWriter LineSpacing(int dots)
        {
            if (dots < 0 || dots > 255) throw new System.ArgumentOutOfRangeException("dots");
            return Bytes(Esc, 0x33, (byte)dots);
        }

        /// <summary>ESC 2: back to the printer's default line spacing.</summary>
        public EscPosWriter DefaultLineSpacing()
        {
            return Bytes(Esc, 0x32);
        }

        /// <summary>
        /// A Code128 barcode in code set B, no human-readable line: GS h (height), GS w (module
        /// width), GS H 0, then GS k 73 n "{B" data. data is printable ASCII without '{' (the
        /// ESC/POS escape). The module width is the widest of 1..3 dots that fits the paper with
        /// quiet zones: a 24-char mark needs 299 modules, which only fits 576 dots at 1 dot.
        /// </summary>
        public EscPosWriter Code128(string data)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            if (data.Length < 1 || data.Length > 253) throw new System.ArgumentOutOfRangeException("data");
            for (int i = 0; i < data.Length; i++)
            {
                if (data[i] < 0x20 || data[i] > 0x7E || data[i] == '{') throw new System.ArgumentException("Code128 data must be printable ASCII without '{'", "data");
            }
            int moduleWidth = Code128ModuleWidth(data.Length);
            if (moduleWidth < 1) throw new System.ArgumentOutOfRangeException("data");

            Bytes(Gs, 0x68, (byte)Code128HeightDots);
            Bytes(Gs, 0x77, (byte)moduleWidth);
            Bytes(Gs, 0x48, 0x00);
            Bytes(Gs, 0x6B, 73, (byte)(data.Length + 2), (byte)'{', (byte)'B');
            _buffer.Add(CodePage858.GetBytes(data));
            return this;
        }

        /// <summary>Bar height of every Code128 this writer prints (12 mm at 203 dpi).</summary>
        public const int Code128HeightDots = 96;

        /// <summary>
        /// Dots per module for a code set B symbol of length chars: start (11) + 11 per char +
        /// check (11) + stop (13) modules, plus 10-module quiet zones, within the 576-dot line.
        /// 0 when even 1-dot modules do not fit.
        /// </summary>
        public static int Code128ModuleWidth(int length)
        {
            int modules = 35 + 11 * length + 20;
            int width = (Columns * 12) / modules;
            return width > 3 ? 3 : width;
        }

        /// <summary>GS V 66 0: feed to the cutter and partial cut.</summary>
        public EscPosWriter Cut()
        {
            return Bytes(Gs, 0x56, 0x42, 0x00);
        }

        /// <summary>
        /// GS ( H fn=48 m=48: the printer answers with this 4-digit process id once it has
        /// processed every byte sent before it (ESC/POS "transmit response or status").
        /// Why not DLE EOT: real-time status is answered ahead of buffered data, so it cannot
        /// say a ticket printed whole. Digits other than ASCII '0'..'9' throw.
        /// </summary>
        public EscPosWriter RequestProcessId(string fourDigits)
        {
            if (fourDigits == null) throw new System.ArgumentNullException("fourDigits");
            if (!Chars.IsDigitString(fourDigits, 4)) throw new System.ArgumentException("process id must be 4 digits", "fourDigits");
            return Bytes(Gs, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30,
                (byte)fourDigits[0], (byte)fourDigits[1], (byte)fourDigits[2], (byte)fourDigits[3]);
        }

        public byte[] ToArray()
        {
            return _buffer.ToArray();
        }

        private EscPosWriter Bytes(params byte[] bytes)
        {
            _buffer.Add(bytes);
            return this;
        }
    }
}
