namespace Vmre.Cli;

/// <summary>
/// A file a command is about to read, checked first so a refusal names the problem (issue 7.5:
/// "unreadable file" is a refusal, not a stack trace): missing, a directory, or not readable.
/// </summary>
public static class InputFile
{
    /// <returns>Null when the file can be opened for reading; otherwise what is wrong with it.</returns>
    public static string? Problem(string path, string what)
    {
        if (Directory.Exists(path)) return $"{what} {path} is a directory, not a file";
        if (!File.Exists(path)) return $"{what} {path} does not exist";
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{what} {path} cannot be read: {e.Message}";
        }
    }
}
