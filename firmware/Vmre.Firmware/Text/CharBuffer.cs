namespace Vmre.Firmware.Text
{
    /// <summary>
    /// Growable character buffer. nanoFramework's mscorlib has no System.Text.StringBuilder
    /// (verified by the Vmre.Firmware.Nano compile check), so the codecs build strings here.
    /// </summary>
    public sealed class CharBuffer
    {
        private char[] _chars;
        private int _length;

        public CharBuffer() : this(64) { }

        public CharBuffer(int capacity)
        {
            _chars = new char[capacity < 4 ? 4 : capacity];
        }

        public int Length { get { return _length; } }

        public CharBuffer Append(char c)
        {
            Ensure(1);
            _chars[_length++] = c;
            return this;
        }

        public CharBuffer Append(string s)
        {
            if (s == null) return this;
            Ensure(s.Length);
            for (int i = 0; i < s.Length; i++) _chars[_length++] = s[i];
            return this;
        }

        public override string ToString()
        {
            return new string(_chars, 0, _length);
        }

        private void Ensure(int extra)
        {
            if (_length + extra <= _chars.Length) return;
            int size = _chars.Length * 2;
            while (size < _length + extra) size *= 2;
            char[] grown = new char[size];
            System.Array.Copy(_chars, 0, grown, 0, _length);
            _chars = grown;
        }
    }
}
