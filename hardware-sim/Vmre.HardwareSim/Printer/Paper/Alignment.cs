namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>ESC a n: 0 left, 1 centre, 2 right (48..50 are accepted as the same).</summary>
public enum Alignment { Left = 0, Center = 1, Right = 2 }
