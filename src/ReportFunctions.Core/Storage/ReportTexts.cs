using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using ReportFunctions.Core.Configuration;
using ReportFunctions.Core.Documents;

namespace ReportFunctions.Core.Storage;

/// <summary>A report's stored text: the content hash it was read from and the report's format.</summary>
public sealed record StoredText(string Text, string? ContentHash, string Format);

/// <summary>
/// The plain text read from each report, stored as UTF-8 blob <c>{id}.txt</c> of <see cref="StorageNames.TextsContainer"/>
/// with the content hash and format as metadata; fact evidence offsets refer to it.
/// </summary>
public static class ReportTexts
{
    private const string HashKey = "contenthash";
    private const string FormatKey = "format";

    public static async Task SaveAsync(ReportStorage storage, string reportId, string contentHash, ReportFormat format, string text, CancellationToken cancellationToken)
    {
        var blob = storage.Texts.GetBlobClient(StorageNames.TextBlobName(reportId));
        await blob.UploadAsync(BinaryData.FromBytes(Encoding.UTF8.GetBytes(text)), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" },
            Metadata = new Dictionary<string, string> { [HashKey] = contentHash, [FormatKey] = ReportFormats.Name(format) },
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored text of a report, or null when there is none.</summary>
    public static async Task<StoredText?> GetAsync(ReportStorage storage, string reportId, CancellationToken cancellationToken)
    {
        var blob = storage.Texts.GetBlobClient(StorageNames.TextBlobName(reportId));
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var metadata = download.Value.Details.Metadata;
            return new StoredText(download.Value.Content.ToString(),
                metadata.TryGetValue(HashKey, out var h) ? h : null,
                metadata.TryGetValue(FormatKey, out var f) ? f : ReportFormats.Name(ReportFormat.Text));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
