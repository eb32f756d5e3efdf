using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Configuration;

namespace ReportFunctions.Cli.Commands;

/// <summary>Parsed command line: positional arguments and <c>--name value</c> options (<c>--flag</c> alone is "true").</summary>
public sealed class CliOptions
{
    public List<string> Positional { get; } = [];
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);

    public static CliOptions Parse(IEnumerable<string> args, params string[] flags)
    {
        var result = new CliOptions();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var name = a[2..];
                var eq = name.IndexOf('=');
                if (eq > 0) result._options[name[..eq]] = name[(eq + 1)..];
                else if (flags.Contains(name, StringComparer.OrdinalIgnoreCase) || i + 1 >= list.Count || list[i + 1].StartsWith("--", StringComparison.Ordinal)) result._options[name] = "true";
                else result._options[name] = list[++i];
            }
            else result.Positional.Add(a);
        }
        return result;
    }

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v : null;
    public bool Has(string name) => _options.ContainsKey(name);
    public int GetInt(string name, int fallback) => int.TryParse(Get(name), out var v) ? v : fallback;
    public double GetDouble(string name, double fallback) =>
        double.TryParse(Get(name), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : fallback;

    /// <summary>The storage connection: <c>--connection</c>, else <c>$AzureWebJobsStorage</c>, else Azurite's default.</summary>
    public string Connection =>
        Get("connection") ?? Environment.GetEnvironmentVariable(AppSettingNames.Storage) ?? "UseDevelopmentStorage=true";

    /// <summary>
    /// Core's services on the storage named by <c>--connection</c>, else the <c>AzureWebJobsStorage</c>
    /// environment variable, else Azurite's default (<c>UseDevelopmentStorage=true</c>).
    /// </summary>
    public ServiceProvider BuildServices()
    {
        var connection = Connection;
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AppSettingNames.Storage] = connection })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFilter(level => level >= LogLevel.Warning));
        services.AddReportFunctionsCore(configuration);
        return services.BuildServiceProvider();
    }
}
