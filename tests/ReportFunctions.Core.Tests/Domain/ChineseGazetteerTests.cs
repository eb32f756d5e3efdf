using ReportFunctions.Core.Domain;

namespace ReportFunctions.Core.Tests.Domain;

public sealed class ChineseGazetteerTests
{
    private static readonly Gazetteer G = Gazetteer.Default;

    private static IEnumerable<RegionInfo> Prefectures => G.All.Where(r => r.Level == RegionLevels.City);

    [Fact]
    public void The_nation_31_province_level_units_and_333_prefecture_level_units_have_Chinese_names()
    {
        Assert.All(G.All, r => Assert.False(string.IsNullOrEmpty(r.NameZh), r.Name + " (" + r.Province + ")"));
        Assert.Equal("中国", G.All.Single(r => r.Level == RegionLevels.Country).NameZh);

        var provinces = G.All.Where(r => r.Level == RegionLevels.Province).ToList();
        Assert.Equal(31, provinces.Count);
        Assert.Equal(4, provinces.Count(p => p.NameZh is "北京市" or "天津市" or "上海市" or "重庆市"));
        Assert.Equal(22, provinces.Count(p => p.NameZh!.EndsWith('省')));
        Assert.Equal(5, provinces.Count(p => p.NameZh!.EndsWith("自治区")));

        // As of 2024: 293 prefecture-level cities, 7 prefectures (地区), 30 autonomous prefectures, 3 leagues.
        var units = Prefectures.ToList();
        Assert.Equal(333, units.Count);
        Assert.Equal(293, units.Count(u => u.NameZh!.EndsWith('市')));
        Assert.Equal(7, units.Count(u => u.NameZh!.EndsWith("地区")));
        Assert.Equal(30, units.Count(u => u.NameZh!.EndsWith("自治州")));
        Assert.Equal(3, units.Count(u => u.NameZh!.EndsWith('盟')));

        // Every Chinese full name is one region's; every unit lies in a province of the gazetteer.
        Assert.Equal(G.All.Count, G.All.Select(r => r.NameZh).Distinct().Count());
        Assert.All(units, u => Assert.Contains(provinces, p => p.Name == u.Province));
    }

    [Fact]
    public void Every_Chinese_full_name_resolves_back_to_its_region()
    {
        Assert.All(G.All, r =>
        {
            Assert.True(G.TryResolveChinese(r.NameZh, out var found), r.NameZh);
            Assert.Same(r, found);
            Assert.True(G.TryResolve(r.NameZh, out found), r.NameZh);
            Assert.Same(r, found);
        });
    }

    [Fact]
    public void Every_short_form_resolves_to_its_region_except_Jilin_city_whose_short_form_is_the_province()
    {
        foreach (var r in G.All)
        {
            var shortForm = r.NameZh!.EndsWith("自治州") || r.NameZh.EndsWith("自治区") ? null
                : r.NameZh.TrimEnd('市', '省', '盟') is var s && s != r.NameZh ? s
                : r.NameZh.EndsWith("地区") ? r.NameZh[..^2] : null;
            if (shortForm is null) continue;
            Assert.True(G.TryResolve(shortForm, out var found), shortForm);
            if (r is { Name: "Jilin", Level: RegionLevels.City }) Assert.Equal(RegionLevels.Province, found.Level);
            else Assert.Same(r, found);
        }
    }

    [Theory]
    [InlineData("嘉兴", "Jiaxing", "city", "Zhejiang")]
    [InlineData("嘉兴市", "Jiaxing", "city", "Zhejiang")]
    [InlineData(" 嘉兴市 ", "Jiaxing", "city", "Zhejiang")]
    [InlineData("嘉兴市人民政府", "Jiaxing", "city", "Zhejiang")]
    [InlineData("浙江", "Zhejiang", "province", null)]
    [InlineData("浙江省", "Zhejiang", "province", null)]
    [InlineData("浙江省人民政府", "Zhejiang", "province", null)]
    [InlineData("内蒙古", "Inner Mongolia", "province", null)]
    [InlineData("内蒙古自治区", "Inner Mongolia", "province", null)]
    [InlineData("广西", "Guangxi", "province", null)]
    [InlineData("广西壮族自治区", "Guangxi", "province", null)]
    [InlineData("新疆", "Xinjiang", "province", null)]
    [InlineData("新疆维吾尔自治区", "Xinjiang", "province", null)]
    [InlineData("宁夏回族自治区", "Ningxia", "province", null)]
    [InlineData("西藏", "Tibet", "province", null)]
    [InlineData("北京", "Beijing", "province", null)]
    [InlineData("重庆市", "Chongqing", "province", null)]
    [InlineData("中国", "China", "country", null)]
    [InlineData("中华人民共和国", "China", "country", null)]
    // 吉林: the province; 吉林市 the city.
    [InlineData("吉林", "Jilin", "province", null)]
    [InlineData("吉林省", "Jilin", "province", null)]
    [InlineData("吉林市", "Jilin", "city", "Jilin")]
    // 海南: the province; 海南藏族自治州 (海南州) Qinghai's prefecture.
    [InlineData("海南", "Hainan", "province", null)]
    [InlineData("海南省", "Hainan", "province", null)]
    [InlineData("海南藏族自治州", "Hainan Prefecture", "city", "Qinghai")]
    [InlineData("海南州", "Hainan Prefecture", "city", "Qinghai")]
    // Names one English spelling shares are distinct in Chinese.
    [InlineData("苏州", "Suzhou", "city", "Jiangsu")]
    [InlineData("宿州市", "Suzhou", "city", "Anhui")]
    [InlineData("泰州", "Taizhou", "city", "Jiangsu")]
    [InlineData("台州", "Taizhou", "city", "Zhejiang")]
    [InlineData("福州", "Fuzhou", "city", "Fujian")]
    [InlineData("抚州", "Fuzhou", "city", "Jiangxi")]
    [InlineData("伊春", "Yichun", "city", "Heilongjiang")]
    [InlineData("宜春", "Yichun", "city", "Jiangxi")]
    [InlineData("玉林", "Yulin", "city", "Guangxi")]
    [InlineData("榆林", "Yulin", "city", "Shaanxi")]
    // Prefectures, autonomous prefectures and leagues with and without their suffix.
    [InlineData("延边朝鲜族自治州", "Yanbian", "city", "Jilin")]
    [InlineData("延边", "Yanbian", "city", "Jilin")]
    [InlineData("延边州", "Yanbian", "city", "Jilin")]
    [InlineData("阿拉善盟", "Alxa", "city", "Inner Mongolia")]
    [InlineData("阿拉善", "Alxa", "city", "Inner Mongolia")]
    [InlineData("阿里地区", "Ngari", "city", "Tibet")]
    [InlineData("阿里", "Ngari", "city", "Tibet")]
    [InlineData("大兴安岭地区", "Daxinganling", "city", "Heilongjiang")]
    [InlineData("伊犁哈萨克自治州", "Ili", "city", "Xinjiang")]
    [InlineData("伊犁", "Ili", "city", "Xinjiang")]
    [InlineData("博州", "Bortala", "city", "Xinjiang")]
    [InlineData("西双版纳", "Xishuangbanna", "city", "Yunnan")]
    [InlineData("黔东南州", "Qiandongnan", "city", "Guizhou")]
    public void Chinese_names_resolve_with_or_without_suffix(string name, string expected, string level, string? province)
    {
        Assert.True(G.TryResolve(name, out var r), name);
        Assert.Equal((expected, level, province), (r.Name, r.Level, r.Province));
        Assert.True(G.TryResolveChinese(name, out var again));
        Assert.Same(r, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("亚特兰蒂斯")]
    [InlineData("市")]
    [InlineData("自治州")]
    [InlineData("嘉")]
    public void Unknown_Chinese_names_do_not_resolve(string name)
    {
        Assert.False(G.TryResolve(name, out var r));
        Assert.True(r.IsUnknown);
    }

    [Fact]
    public void English_names_and_keys_work_as_before()
    {
        Assert.True(G.TryResolve("Jiaxing City", out var jx));
        Assert.Equal("嘉兴市", jx.NameZh);
        Assert.True(G.TryResolve("Lüliang", out var ll));
        Assert.Equal("吕梁市", ll.NameZh);
        Assert.True(G.TryResolve("Hainan", out var hn));
        Assert.Equal(RegionLevels.Province, hn.Level);
        Assert.True(G.TryResolve("Hainan Tibetan Autonomous Prefecture", out var hnz));
        Assert.Equal(("Hainan Prefecture", "Qinghai"), (hnz.Name, hnz.Province));
        Assert.Single(G.CandidatesForKey("hainan"));
        Assert.Equal(["Jiangsu", "Anhui"], G.CandidatesForKey("suzhou").Select(r => r.Province));
        // No Chinese name leaks into the English keys.
        Assert.Empty(G.CandidatesForKey(""));
    }

    [Fact]
    public void Chinese_candidates_serve_scanning_text()
    {
        Assert.Equal(["Jilin", "Jilin"], G.CandidatesForChinese("吉林").Select(r => r.Name));
        Assert.Single(G.CandidatesForChinese("吉林市"));
        Assert.Equal("克孜勒苏柯尔克孜自治州".Length, G.MaxChineseLength);
        Assert.Empty(G.CandidatesForChinese("嘉"));
    }

    [Fact]
    public void Region_identity_ignores_the_Chinese_name_and_Find_labels_stored_regions()
    {
        Assert.True(G.TryResolve("Jiaxing", out var jx));
        Assert.Equal(new RegionInfo("Jiaxing", RegionLevels.City, "Zhejiang"), jx);
        Assert.Equal(new RegionInfo("Jiaxing", RegionLevels.City, "Zhejiang").GetHashCode(), jx.GetHashCode());
        Assert.Equal("宿州市", G.Find("Suzhou", "Anhui")?.NameZh);
        Assert.Equal("苏州市", G.Find("Suzhou", "Jiangsu")?.NameZh);
        Assert.Equal("吉林市", G.Find("Jilin", "Jilin")?.NameZh);
        Assert.Equal("吉林省", G.Find("Jilin", null)?.NameZh);
        Assert.Equal("浙江省", G.Find("Zhejiang", "")?.NameZh);
        Assert.Null(G.Find("unknown", null));
        Assert.Null(G.Find("Atlantis", "Zhejiang"));
    }

    [Fact]
    public void The_data_file_is_checked_against_the_gazetteer()
    {
        var rows = GazetteerChinese.Parse(new StringReader("# comment\nJiaxing\tZhejiang\t嘉兴市\t\nAtlantis\t\t亚特兰蒂斯\t\n"));
        var ex = Assert.Throws<InvalidDataException>(() => GazetteerChinese.Apply([(new RegionInfo("Jiaxing", RegionLevels.City, "Zhejiang"), [])], rows));
        Assert.Contains("Atlantis", ex.Message);
        Assert.Throws<InvalidDataException>(() => GazetteerChinese.Parse(new StringReader("Jiaxing\tZhejiang\n")));
    }
}
