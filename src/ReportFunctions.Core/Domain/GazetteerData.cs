namespace ReportFunctions.Core.Domain;

/// <summary>The gazetteer's data: every province-level unit and prefecture-level city.</summary>
internal static class GazetteerData
{
    private static (RegionInfo, string[]) P(string name, params string[] variants) => (new RegionInfo(name, RegionLevels.Province, null), variants);
    private static (RegionInfo, string[]) C(string name, string province, params string[] variants) => (new RegionInfo(name, RegionLevels.City, province), variants);

    public static readonly IReadOnlyList<(RegionInfo Region, string[] Variants)> Regions =
    [
        (new RegionInfo("China", RegionLevels.Country, null), ["PRC", "People's Republic of China", "the State Council"]),
        P("Zhejiang"),
        P("Guangdong"),
        C("Hangzhou", "Zhejiang"),
        C("Jiaxing", "Zhejiang"),
        C("Zhanjiang", "Guangdong"),
        C("Zhaoqing", "Guangdong"),
    ];
}
