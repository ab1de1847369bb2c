namespace Vmre.Firmware.Printing
{
    /// <summary>QR error correction level; GS ( k function 169 takes 48 + value.</summary>
    public enum QrErrorCorrection
    {
        /// <summary>About 7% recoverable.</summary>
        L = 0,

        /// <summary>About 15% recoverable: the testigo default, survives a crease.</summary>
        M = 1,

        /// <summary>About 25% recoverable.</summary>
        Q = 2,

        /// <summary>About 30% recoverable.</summary>
        H = 3
    }
}
