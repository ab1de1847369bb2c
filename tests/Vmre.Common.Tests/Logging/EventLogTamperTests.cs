using Vmre.Common.Logging;
using Vmre.Common.Tests.Support;

namespace Vmre.Common.Tests.Logging;

/// <summary>rules.md R7: the log is tamper-evident — any edit, deletion or reordering is named by line.</summary>
public class EventLogTamperTests
{
    private static string[] FiveLines()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        using (var log = new EventLog(path, "MRV-CHI", FixedClock.Ticking("2024-06-02T14:00:00Z")))
        {
            log.Append("polls-opened", new Actor("presidente", "PRES-01"), new() { ["terminals"] = "3" });
            log.Append("checkin-activated", new Actor("escrutador", "ESC-01"), new() { ["outcome"] = "Activated" });
            log.Append("activation-redeemed", new Actor("terminal", "T1"), new() { ["terminal"] = "T1" });
            log.Append("checkin-refused", new Actor("escrutador", "ESC-01"), new() { ["outcome"] = "AlreadyVoted" });
            log.Append("polls-closed", new Actor("presidente", "PRES-01"));
        }
        return File.ReadAllLines(path);
    }

    [Fact]
    public void Untouched_log_verifies() => Assert.True(EventLogVerifier.VerifyLines(FiveLines()).IsOk);

    [Theory]
    [InlineData("\"seq\":3", "\"seq\":7", "line 3: sequence 7, expected 3")]
    [InlineData("\"utc\":\"2024-06-02T14:00:03Z\"", "\"utc\":\"2024-06-02T14:00:09Z\"", "line 3: hash does not match content")]
    [InlineData("\"local\":\"2024-06-02T09:00:03-05:00\"", "\"local\":\"2024-06-02T09:00:03-06:00\"", "line 3: hash does not match content")]
    [InlineData("\"device\":\"MRV-CHI\"", "\"device\":\"MRV-DAL\"", "line 3: hash does not match content")]
    [InlineData("\"event\":\"activation-redeemed\"", "\"event\":\"activation-refused\"", "line 3: hash does not match content")]
    [InlineData("\"credential\":\"T1\"", "\"credential\":\"T2\"", "line 3: hash does not match content")]
    [InlineData("\"terminal\":\"T1\"", "\"terminal\":\"T9\"", "line 3: hash does not match content")]
    public void Editing_a_field_of_a_middle_line_is_detected(string from, string to, string reason)
    {
        var lines = FiveLines();
        Assert.Contains(from, lines[2]);
        lines[2] = lines[2].Replace(from, to);
        Assert.Equal(reason, EventLogVerifier.VerifyLines(lines).Error);
    }

    [Fact]
    public void Editing_the_prev_link_is_detected()
    {
        var lines = FiveLines();
        lines[2] = lines[2].Replace("\"prev\":\"", "\"prev\":\"f");
        Assert.Equal("line 3: previous-hash link broken", EventLogVerifier.VerifyLines(lines).Error);
    }

    [Fact]
    public void Recomputing_an_edited_lines_hash_breaks_the_next_line()
    {
        // Editing the hash of line 3 to hide an edit breaks line 3 or, if recomputed, line 4's link.
        var lines = FiveLines();
        var at = lines[2].LastIndexOf("\"hash\":\"", StringComparison.Ordinal) + 8;
        lines[2] = lines[2][..at] + new string('a', 64) + "\"}";
        Assert.Equal("line 3: hash does not match content", EventLogVerifier.VerifyLines(lines).Error);
    }

    [Fact]
    public void Deleting_a_middle_line_is_detected()
    {
        var lines = FiveLines().Where((_, i) => i != 2).ToArray();
        Assert.Equal("line 3: sequence 4, expected 3", EventLogVerifier.VerifyLines(lines).Error);
    }

    [Fact]
    public void Deleting_the_first_line_is_detected()
    {
        Assert.Equal("line 1: sequence 2, expected 1", EventLogVerifier.VerifyLines(FiveLines()[1..]).Error);
    }

    [Fact]
    public void Swapping_two_lines_is_detected()
    {
        var lines = FiveLines();
        (lines[1], lines[3]) = (lines[3], lines[1]);
        Assert.Equal("line 2: sequence 4, expected 2", EventLogVerifier.VerifyLines(lines).Error);
    }

    [Fact]
    public void Swapping_lines_and_renumbering_is_still_detected()
    {
        var lines = FiveLines();
        (lines[1], lines[2]) = (lines[2].Replace("\"seq\":3", "\"seq\":2"), lines[1].Replace("\"seq\":2", "\"seq\":3"));
        Assert.Equal("line 2: previous-hash link broken", EventLogVerifier.VerifyLines(lines).Error);
    }

    [Fact]
    public void Line_without_hash_is_named()
    {
        var lines = FiveLines();
        lines[3] = lines[3][..lines[3].LastIndexOf(",\"hash\"", StringComparison.Ordinal)] + "}";
        Assert.Equal("line 4: no hash field at the end", EventLogVerifier.VerifyLines(lines).Error);
    }

    [Fact]
    public void Malformed_line_is_named()
    {
        var lines = FiveLines();
        lines[3] = "{garbage" + lines[3][lines[3].LastIndexOf(",\"hash\"", StringComparison.Ordinal)..];
        Assert.StartsWith("line 4: malformed entry", EventLogVerifier.VerifyLines(lines).Error);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        Assert.StartsWith("log not found", EventLogVerifier.VerifyFile("/nonexistent/events.jsonl").Error);
    }
}
