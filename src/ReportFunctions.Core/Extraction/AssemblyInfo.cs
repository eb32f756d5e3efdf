using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("reports")]
[assembly: InternalsVisibleTo("ReportFunctions.Core.Tests")]
