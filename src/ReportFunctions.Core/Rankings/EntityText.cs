using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Rankings;

/// <summary>
/// Long text (a ranking's entries, a group's facts) kept in one entity, split across properties <c>{name}0</c>,
/// <c>{name}1</c>... of at most <see cref="ChunkChars"/> characters each (a string property holds at most 64 KiB,
/// UTF-16), and at most <see cref="MaxChars"/> in all (an entity holds at most 1 MiB).
/// </summary>
internal static class EntityText
{
    public const int ChunkChars = 30_000;
    public const int MaxChunks = 15;
    public const int MaxChars = ChunkChars * MaxChunks;

    public static bool Fits(string text) => text.Length <= MaxChars;

    public static void Write(TableEntity entity, string name, string text)
    {
        if (!Fits(text)) throw new InvalidOperationException($"{entity.PartitionKey}/{entity.RowKey}: {text.Length} characters do not fit in one entity ({MaxChars} at most).");
        var chunks = 0;
        for (var i = 0; i < text.Length; i += ChunkChars) entity[name + chunks++] = text.Substring(i, Math.Min(ChunkChars, text.Length - i));
        entity[name + "Chunks"] = chunks;
    }

    public static string Read(TableEntity entity, string name)
    {
        var chunks = entity.GetInt32(name + "Chunks") ?? 0;
        if (chunks == 1) return entity.GetString(name + "0") ?? "";
        var sb = new StringBuilder();
        for (var i = 0; i < chunks; i++) sb.Append(entity.GetString(name + i));
        return sb.ToString();
    }

    /// <summary>Rough size of the entity on the wire (for keeping a batch under 4 MiB).</summary>
    public static int EstimateBytes(TableEntity entity)
    {
        var n = 200 + entity.PartitionKey.Length + entity.RowKey.Length;
        foreach (var (k, v) in entity) n += k.Length + 8 + (v is string s ? s.Length * 3 / 2 : 24);
        return n;
    }
}

/// <summary>
/// Facts in a compact JSON array (no evidence: rankings do not use it):
/// <c>[[region, kind, value, unit, qualifier, reportId, reportYear|null, ingestedAtTicks, level, province|null], ...]</c>
/// for one (indicator, period) group, or with indicator and period first (<c>withGroup</c>) for facts of any group.
/// </summary>
internal static class CompactFacts
{
    public static string Write(IEnumerable<StoredFact> facts, bool withGroup = false)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartArray();
            foreach (var f in facts)
            {
                w.WriteStartArray();
                if (withGroup)
                {
                    w.WriteStringValue(f.Fact.Indicator);
                    w.WriteStringValue(f.Fact.Period);
                }
                w.WriteStringValue(f.Fact.Region);
                w.WriteStringValue(f.Fact.Kind);
                w.WriteNumberValue(f.Fact.Value);
                w.WriteStringValue(f.Fact.Unit);
                w.WriteStringValue(f.Fact.Qualifier);
                w.WriteStringValue(f.ReportId);
                if (f.ReportYear is { } y) w.WriteNumberValue(y); else w.WriteNullValue();
                w.WriteNumberValue(f.IngestedAt.UtcTicks);
                w.WriteStringValue(f.Level);
                if (f.Province is { } p) w.WriteStringValue(p); else w.WriteNullValue();
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Facts of one group (written without <c>withGroup</c>).</summary>
    public static List<StoredFact> Read(string json, string indicator, string period) => Read(json, (indicator, period));

    /// <summary>Facts of any group (written <c>withGroup</c>).</summary>
    public static List<StoredFact> ReadWithGroups(string json) => Read(json, null);

    private static List<StoredFact> Read(string json, (string Indicator, string Period)? group)
    {
        var list = new List<StoredFact>();
        if (string.IsNullOrEmpty(json)) return list;
        using var doc = JsonDocument.Parse(json);
        var o = group is null ? 2 : 0;
        foreach (var a in doc.RootElement.EnumerateArray())
        {
            list.Add(new StoredFact
            {
                Fact = new Fact
                {
                    Region = a[o].GetString()!, Indicator = group?.Indicator ?? a[0].GetString()!, Period = group?.Period ?? a[1].GetString()!,
                    Kind = a[o + 1].GetString()!, Value = a[o + 2].GetDouble(), Unit = a[o + 3].GetString()!, Qualifier = a[o + 4].GetString()!, Evidence = "",
                },
                ReportId = a[o + 5].GetString()!,
                ReportYear = a[o + 6].ValueKind == JsonValueKind.Null ? null : a[o + 6].GetInt32(),
                IngestedAt = new DateTimeOffset(a[o + 7].GetInt64(), TimeSpan.Zero),
                Level = a[o + 8].GetString()!,
                Province = a[o + 9].ValueKind == JsonValueKind.Null ? null : a[o + 9].GetString(),
            });
        }
        return list;
    }
}
