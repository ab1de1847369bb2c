namespace Vmre.HardwareSim.Printer;

/// <summary>
/// One piece of paper cut off the emulated printer: the image a person can look at (BRIEF §4)
/// and, for tests and logs, the text lines and QR data printed on it.
/// </summary>
/// <param name="Png">The page as a 576-dot-wide black-on-white PNG.</param>
/// <param name="Text">The printed text lines joined by \n (blank LF lines included as empty).</param>
/// <param name="QrPayloads">The data of each QR symbol printed, top to bottom (UTF-8 decoded).</param>
public sealed record PrintedPaper(byte[] Png, string Text, string[] QrPayloads);
