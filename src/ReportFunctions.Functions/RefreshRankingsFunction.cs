using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ReportFunctions.Core.Rankings;

namespace ReportFunctions.Functions;

/// <summary>Recomputes the cross-region rankings and target attainment on <c>RANKING_SCHEDULE</c> (default every 30 minutes).</summary>
public sealed class RefreshRankingsFunction(RankingRefresher refresher, ILogger<RefreshRankingsFunction> logger)
{
    public const string Name = "RefreshRankings";

    [Function(Name)]
    public async Task Run([TimerTrigger("%RANKING_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var summary = await refresher.RefreshAsync(cancellationToken);
        logger.LogInformation("Rankings refreshed: {Summary}", summary);
    }
}
