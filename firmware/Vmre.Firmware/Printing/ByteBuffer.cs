namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// Growable byte array (no List&lt;byte&gt; on nanoFramework). Holds one printer ticket.
    /// </summary>
    public sealed class ByteBuffer
    {
        private byte[] _bytes;
        private int _length;

        public ByteBuffer() : this(256) { }

        public ByteBuffer(int capacity)
        {
            _bytes = new byte[capacity < 16 ? 16 : capacity];
        }

        public int Length { get { return _length; } }

        public void Add(byte b)
        {
            Ensure(1);
            _bytes[_length++] = b;
        }

        public void Add(byte[] bytes)
        {
            if (bytes == null) throw new System.ArgumentNullException("bytes");
            Ensure(bytes.Length);
            System.Array.Copy(bytes, 0, _bytes, _length, bytes.Length);
            _length += bytes.Length;
        }

        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            System.Array.Copy(_bytes, 0, copy, 0, _length);
            return copy;
        }

        private void Ensure(int extra)
        {
            if (_length + extra <= _bytes.Length) return;
            int size = _bytes.Length * 2;
            while (size < _length + extra) size *= 2;
            byte[] grown = new byte[size];
            System.Array.Copy(_bytes, 0, grown, 0, _length);
            _bytes = grown;
        }
    }
}
