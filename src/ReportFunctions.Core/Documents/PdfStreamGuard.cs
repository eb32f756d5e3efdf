using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace ReportFunctions.Core.Documents;

/// <summary>
/// PdfPig's filters with FlateDecode guarded: before a stream is inflated it is inflated once into a counter, and the
/// document's running total may not pass <see cref="DocumentLimits.MaxDecompressedBytes"/> (PdfPig would otherwise
/// inflate a bomb whole into memory). One instance per document.
/// </summary>
internal sealed class PdfStreamGuard(long maxBytes) : IFilterProvider
{
    private readonly IFilterProvider _inner = DefaultFilterProvider.Instance;
    private long _used;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(_inner.GetFilters(dictionary));
    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(_inner.GetNamedFilters(names));
    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(_inner.GetAllFilters());

    private IReadOnlyList<IFilter> Wrap(IReadOnlyList<IFilter> filters) =>
        filters.Select(f => f is FlateFilter ? new CountingFlate(f, this) : f).ToList();

    private sealed class CountingFlate(IFilter inner, PdfStreamGuard guard) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            guard.Count(input);
            return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        }
    }

    private void Count(Memory<byte> input)
    {
        if (input.Length < 3) return;
        var buffer = new byte[81920];
        try
        {
            // As PdfPig reads Flate: the two zlib header bytes skipped, then raw deflate.
            using var inflate = new DeflateStream(new MemoryStream(input[2..].ToArray(), writable: false), CompressionMode.Decompress);
            int read;
            while ((read = inflate.Read(buffer, 0, buffer.Length)) > 0)
                if (Interlocked.Add(ref _used, read) > maxBytes)
                    throw new DocumentReadException($"PDF streams decompress to more than the {maxBytes / (1024 * 1024.0):0.#} MiB limit: a zip bomb?");
        }
        catch (InvalidDataException) { } // a damaged stream: PdfPig decides what to make of it
    }
}
