using System.Buffers;

namespace ReportFunctions.Core.Extraction;

/// <summary>A growable token buffer rented from the shared array pool (no large-object allocations per document).</summary>
internal sealed class TokenList : IDisposable
{
    private Token[] _items;

    public TokenList(int capacity) => _items = ArrayPool<Token>.Shared.Rent(Math.Max(16, capacity));

    public int Count { get; private set; }

    public ref Token this[int i] => ref _items[i];

    public ref Token Last => ref _items[Count - 1];

    public void Add(in Token t)
    {
        if (Count == _items.Length)
        {
            var bigger = ArrayPool<Token>.Shared.Rent(_items.Length * 2);
            Array.Copy(_items, bigger, Count);
            ArrayPool<Token>.Shared.Return(_items, clearArray: true);
            _items = bigger;
        }
        _items[Count++] = t;
    }

    public void RemoveLast() => Count--;

    public void Dispose()
    {
        if (_items.Length == 0) return;
        ArrayPool<Token>.Shared.Return(_items, clearArray: true);
        _items = [];
        Count = 0;
    }
}
