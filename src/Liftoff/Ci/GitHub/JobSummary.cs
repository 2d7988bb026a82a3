namespace Liftoff.Ci.GitHub;

/// <summary>
/// The job summary of a GitHub Actions step: Markdown appended to the file GITHUB_STEP_SUMMARY names
/// (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#adding-a-job-summary).
/// </summary>
public static class JobSummary
{
    /// <summary>Appends a line when the run has a summary file; does nothing elsewhere.</summary>
    public static void AppendLine(string? summaryFile, string markdown)
    {
        if (string.IsNullOrEmpty(summaryFile)) return;
        File.AppendAllText(summaryFile, markdown + "\n");
    }
}
