namespace ReportFunctions.Core.Storage;

public static class ReportStatus
{
    public const string Processing = "Processing";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public static bool IsFinal(string? status) => status is Succeeded or Failed;
}
