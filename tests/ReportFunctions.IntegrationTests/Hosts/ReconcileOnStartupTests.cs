using System.Diagnostics;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using ReportFunctions.Functions;

namespace ReportFunctions.IntegrationTests.Hosts;

/// <summary>
/// ReconcileReports runs at start-up only in Debug builds (func start); a Release build (Azure) does not, since each new
/// instance of a Flex Consumption scale-out would run a pass.
/// </summary>
public sealed class ReconcileOnStartupTests
{
    [Fact]
    public void Reconcile_timer_runs_on_startup_only_in_debug_builds()
    {
        var trigger = typeof(ReconcileReportsFunction).GetMethod(nameof(ReconcileReportsFunction.Run))!
            .GetParameters()[0].GetCustomAttribute<TimerTriggerAttribute>()!;
        var functionsAssembly = typeof(ReconcileReportsFunction).Assembly;
        var debugBuild = functionsAssembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;

        Assert.Equal("%RECONCILE_SCHEDULE%", trigger.Schedule);
        Assert.Equal(debugBuild, trigger.RunOnStartup);
        Assert.True(debugBuild == ReconcileTrigger.RunOnStartup);
    }
}
