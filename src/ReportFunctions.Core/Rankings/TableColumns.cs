using Azure.Data.Tables;

namespace ReportFunctions.Core.Rankings;

internal static class TableColumns
{
    /// <summary>An entity of the given columns; null values are left out (a missing column reads as null).</summary>
    public static TableEntity Entity(params (string Name, object? Value)[] columns)
    {
        var e = new TableEntity();
        foreach (var (name, value) in columns) if (value is not null) e[name] = value;
        return e;
    }
}
