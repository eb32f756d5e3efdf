using ReportFunctions.Core.Domain;
using Xunit;

namespace ReportFunctions.Core.Tests.Extraction;

public sealed class GazetteerTests
{
    [Fact]
    public void Has_all_province_level_units_cities_and_the_nation()
    {
        var all = Gazetteer.Default.All;
        Assert.Equal(31, all.Count(r => r.Level == RegionLevels.Province));
        Assert.Single(all, r => r.Level == RegionLevels.Country && r.Name == "China");
        Assert.True(all.Count(r => r.Level == RegionLevels.City) >= 293);
        Assert.All(all.Where(r => r.Level == RegionLevels.City), c => Assert.Contains(all, p => p.Level == RegionLevels.Province && p.Name == c.Province));
    }

    [Theory]
    [InlineData("Inner Mongolia", "Inner Mongolia")]
    [InlineData("Nei Mongol", "Inner Mongolia")]
    [InlineData("Guangxi Zhuang Autonomous Region", "Guangxi")]
    [InlineData("Xian", "Xi'an")]
    [InlineData("Xi'an", "Xi'an")]
    [InlineData("Huhehaote", "Hohhot")]
    [InlineData("Jiaxing City", "Jiaxing")]
    [InlineData("jiaxing", "Jiaxing")]
    [InlineData("Zhejiang Province", "Zhejiang")]
    [InlineData("Beijing Municipality", "Beijing")]
    [InlineData("Tibet Autonomous Region", "Tibet")]
    [InlineData("People's Republic of China", "China")]
    public void Variants_resolve(string name, string expected)
    {
        Assert.True(Gazetteer.Default.TryResolve(name, out var r));
        Assert.Equal(expected, r.Name);
    }

    [Fact]
    public void Unknown_names_do_not_resolve() => Assert.False(Gazetteer.Default.TryResolve("Atlantis", out _));
}
