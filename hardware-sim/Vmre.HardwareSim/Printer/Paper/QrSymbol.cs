using QRCoder;

namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>Builds the module matrix of a QR symbol with QRCoder, in byte mode so the
/// printed symbol carries exactly the bytes the terminal stored.</summary>
internal static class QrSymbol
{
    public static bool[,] Modules(byte[] data, QRCodeGenerator.ECCLevel level)
    {
        using QRCodeData code = QRCodeGenerator.GenerateQrCode(data, level);
        int side = 17 + 4 * code.Version; // ISO/IEC 18004: version v is 17 + 4v modules a side
        // QRCoder's matrix may include its own quiet zone; strip it, we draw ours.
        int offset = (code.ModuleMatrix.Count - side) / 2;
        var modules = new bool[side, side];
        for (int row = 0; row < side; row++)
            for (int col = 0; col < side; col++)
                modules[row, col] = code.ModuleMatrix[row + offset][col + offset];
        return modules;
    }
}
