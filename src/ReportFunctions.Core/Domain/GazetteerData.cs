namespace ReportFunctions.Core.Domain;

/// <summary>
/// The gazetteer's data: the nation, every province-level unit (provinces, the 4 municipalities and the
/// 5 autonomous regions) and the prefecture-level divisions (cities, prefectures, autonomous prefectures,
/// leagues), with common English variants. A name shared by two entries resolves to the first one.
/// </summary>
internal static class GazetteerData
{
    private static (RegionInfo, string[]) P(string name, params string[] variants) => (new RegionInfo(name, RegionLevels.Province, null), variants);
    private static (RegionInfo, string[]) C(string name, string province, params string[] variants) => (new RegionInfo(name, RegionLevels.City, province), variants);

    public static readonly IReadOnlyList<(RegionInfo Region, string[] Variants)> Regions =
    [
        (new RegionInfo("China", RegionLevels.Country, null), ["PRC", "People's Republic of China", "the State Council", "State Council", "Zhongguo"]),
        // Municipalities
        P("Beijing", "Peking", "Beijing Municipality"),
        P("Tianjin", "Tientsin", "Tianjin Municipality"),
        P("Shanghai", "Shanghai Municipality"),
        P("Chongqing", "Chungking", "Chongqing Municipality"),
        // Provinces
        P("Hebei", "Hopeh"), P("Shanxi", "Shansi"), P("Liaoning"), P("Jilin", "Kirin"), P("Heilongjiang"),
        P("Jiangsu", "Kiangsu"), P("Zhejiang", "Chekiang"), P("Anhui", "Anhwei"), P("Fujian", "Fukien"), P("Jiangxi", "Kiangsi"),
        P("Shandong", "Shantung"), P("Henan", "Honan"), P("Hubei", "Hupeh"), P("Hunan"), P("Guangdong", "Kwangtung", "Canton Province"),
        P("Hainan"), P("Sichuan", "Szechuan", "Szechwan"), P("Guizhou", "Kweichow"), P("Yunnan"), P("Shaanxi", "Shensi"),
        P("Gansu", "Kansu"), P("Qinghai", "Tsinghai"),
        // Autonomous regions
        P("Inner Mongolia", "Nei Mongol", "Neimenggu", "Nei Menggu", "Inner Mongolia Autonomous Region"),
        P("Guangxi", "Guangxi Zhuang Autonomous Region", "Guangxi Zhuang", "Kwangsi"),
        P("Tibet", "Xizang", "Tibet Autonomous Region", "Xizang Autonomous Region"),
        P("Ningxia", "Ningxia Hui Autonomous Region", "Ningxia Hui"),
        P("Xinjiang", "Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region", "Xinjiang Uygur", "Xinjiang Uyghur"),

        // Hebei
        C("Shijiazhuang", "Hebei"), C("Tangshan", "Hebei"), C("Qinhuangdao", "Hebei"), C("Handan", "Hebei"), C("Xingtai", "Hebei"),
        C("Baoding", "Hebei"), C("Zhangjiakou", "Hebei", "Kalgan"), C("Chengde", "Hebei"), C("Cangzhou", "Hebei"), C("Langfang", "Hebei"), C("Hengshui", "Hebei"),
        // Shanxi
        C("Taiyuan", "Shanxi"), C("Datong", "Shanxi"), C("Yangquan", "Shanxi"), C("Changzhi", "Shanxi"), C("Jincheng", "Shanxi"),
        C("Shuozhou", "Shanxi"), C("Jinzhong", "Shanxi"), C("Yuncheng", "Shanxi"), C("Xinzhou", "Shanxi"), C("Linfen", "Shanxi"), C("Lvliang", "Shanxi", "Lüliang", "Luliang"),
        // Inner Mongolia
        C("Hohhot", "Inner Mongolia", "Huhehaote", "Huhhot", "Huhehot"), C("Baotou", "Inner Mongolia"), C("Wuhai", "Inner Mongolia"),
        C("Chifeng", "Inner Mongolia"), C("Tongliao", "Inner Mongolia"), C("Ordos", "Inner Mongolia", "Erdos", "Eerduosi"),
        C("Hulunbuir", "Inner Mongolia", "Hulunbeier", "Hulun Buir"), C("Bayannur", "Inner Mongolia", "Bayannaoer", "Bayan Nur"),
        C("Ulanqab", "Inner Mongolia", "Wulanchabu", "Ulan Qab"), C("Xilingol", "Inner Mongolia", "Xilinguole", "Xilin Gol"),
        C("Hinggan", "Inner Mongolia", "Xing'an League", "Xingan League"), C("Alxa", "Inner Mongolia", "Alashan", "Alxa League"),
        // Liaoning
        C("Shenyang", "Liaoning", "Mukden"), C("Dalian", "Liaoning"), C("Anshan", "Liaoning"), C("Fushun", "Liaoning"), C("Benxi", "Liaoning"),
        C("Dandong", "Liaoning"), C("Jinzhou", "Liaoning"), C("Yingkou", "Liaoning"), C("Fuxin", "Liaoning"), C("Liaoyang", "Liaoning"),
        C("Panjin", "Liaoning"), C("Tieling", "Liaoning"), C("Chaoyang", "Liaoning"), C("Huludao", "Liaoning"),
        // Jilin
        C("Changchun", "Jilin"), C("Jilin", "Jilin", "Jilin City"), C("Siping", "Jilin"), C("Liaoyuan", "Jilin"), C("Tonghua", "Jilin"),
        C("Baishan", "Jilin"), C("Songyuan", "Jilin"), C("Baicheng", "Jilin"), C("Yanbian", "Jilin", "Yanbian Korean Autonomous Prefecture"),
        // Heilongjiang
        C("Harbin", "Heilongjiang"), C("Qiqihar", "Heilongjiang", "Qiqihaer"), C("Jixi", "Heilongjiang"), C("Hegang", "Heilongjiang"),
        C("Shuangyashan", "Heilongjiang"), C("Daqing", "Heilongjiang"), C("Yichun", "Heilongjiang"), C("Jiamusi", "Heilongjiang"),
        C("Qitaihe", "Heilongjiang"), C("Mudanjiang", "Heilongjiang"), C("Heihe", "Heilongjiang"), C("Suihua", "Heilongjiang"),
        C("Daxinganling", "Heilongjiang", "Da Hinggan Ling", "Greater Khingan"),
        // Jiangsu
        C("Nanjing", "Jiangsu", "Nanking"), C("Wuxi", "Jiangsu"), C("Xuzhou", "Jiangsu"), C("Changzhou", "Jiangsu"), C("Suzhou", "Jiangsu", "Soochow"),
        C("Nantong", "Jiangsu"), C("Lianyungang", "Jiangsu"), C("Huai'an", "Jiangsu", "Huaian"), C("Yancheng", "Jiangsu"), C("Yangzhou", "Jiangsu"),
        C("Zhenjiang", "Jiangsu"), C("Taizhou", "Jiangsu"), C("Suqian", "Jiangsu"),
        // Zhejiang
        C("Hangzhou", "Zhejiang"), C("Ningbo", "Zhejiang"), C("Wenzhou", "Zhejiang"), C("Jiaxing", "Zhejiang"), C("Huzhou", "Zhejiang"),
        C("Shaoxing", "Zhejiang"), C("Jinhua", "Zhejiang"), C("Quzhou", "Zhejiang"), C("Zhoushan", "Zhejiang"), C("Taizhou", "Zhejiang"), C("Lishui", "Zhejiang"),
        // Anhui
        C("Hefei", "Anhui"), C("Wuhu", "Anhui"), C("Bengbu", "Anhui"), C("Huainan", "Anhui"), C("Ma'anshan", "Anhui", "Maanshan"),
        C("Huaibei", "Anhui"), C("Tongling", "Anhui"), C("Anqing", "Anhui"), C("Huangshan", "Anhui"), C("Chuzhou", "Anhui"),
        C("Fuyang", "Anhui"), C("Suzhou", "Anhui"), C("Lu'an", "Anhui", "Luan"), C("Bozhou", "Anhui"), C("Chizhou", "Anhui"), C("Xuancheng", "Anhui"),
        // Fujian
        C("Fuzhou", "Fujian", "Foochow"), C("Xiamen", "Fujian", "Amoy"), C("Putian", "Fujian"), C("Sanming", "Fujian"), C("Quanzhou", "Fujian"),
        C("Zhangzhou", "Fujian"), C("Nanping", "Fujian"), C("Longyan", "Fujian"), C("Ningde", "Fujian"),
        // Jiangxi
        C("Nanchang", "Jiangxi"), C("Jingdezhen", "Jiangxi"), C("Pingxiang", "Jiangxi"), C("Jiujiang", "Jiangxi"), C("Xinyu", "Jiangxi"),
        C("Yingtan", "Jiangxi"), C("Ganzhou", "Jiangxi"), C("Ji'an", "Jiangxi", "Jian"), C("Yichun", "Jiangxi"), C("Fuzhou", "Jiangxi"), C("Shangrao", "Jiangxi"),
        // Shandong
        C("Jinan", "Shandong", "Ji'nan"), C("Qingdao", "Shandong", "Tsingtao"), C("Zibo", "Shandong"), C("Zaozhuang", "Shandong"), C("Dongying", "Shandong"),
        C("Yantai", "Shandong"), C("Weifang", "Shandong"), C("Jining", "Shandong"), C("Tai'an", "Shandong", "Taian"), C("Weihai", "Shandong"),
        C("Rizhao", "Shandong"), C("Linyi", "Shandong"), C("Dezhou", "Shandong"), C("Liaocheng", "Shandong"), C("Binzhou", "Shandong"), C("Heze", "Shandong"),
        // Henan
        C("Zhengzhou", "Henan"), C("Kaifeng", "Henan"), C("Luoyang", "Henan"), C("Pingdingshan", "Henan"), C("Anyang", "Henan"),
        C("Hebi", "Henan"), C("Xinxiang", "Henan"), C("Jiaozuo", "Henan"), C("Puyang", "Henan"), C("Xuchang", "Henan"),
        C("Luohe", "Henan"), C("Sanmenxia", "Henan"), C("Nanyang", "Henan"), C("Shangqiu", "Henan"), C("Xinyang", "Henan"),
        C("Zhoukou", "Henan"), C("Zhumadian", "Henan"),
        // Hubei
        C("Wuhan", "Hubei"), C("Huangshi", "Hubei"), C("Shiyan", "Hubei"), C("Yichang", "Hubei"), C("Xiangyang", "Hubei", "Xiangfan"),
        C("Ezhou", "Hubei"), C("Jingmen", "Hubei"), C("Xiaogan", "Hubei"), C("Jingzhou", "Hubei"), C("Huanggang", "Hubei"),
        C("Xianning", "Hubei"), C("Suizhou", "Hubei"), C("Enshi", "Hubei", "Enshi Tujia and Miao Autonomous Prefecture"),
        // Hunan
        C("Changsha", "Hunan"), C("Zhuzhou", "Hunan"), C("Xiangtan", "Hunan"), C("Hengyang", "Hunan"), C("Shaoyang", "Hunan"),
        C("Yueyang", "Hunan"), C("Changde", "Hunan"), C("Zhangjiajie", "Hunan"), C("Yiyang", "Hunan"), C("Chenzhou", "Hunan"),
        C("Yongzhou", "Hunan"), C("Huaihua", "Hunan"), C("Loudi", "Hunan"), C("Xiangxi", "Hunan", "Xiangxi Tujia and Miao Autonomous Prefecture"),
        // Guangdong
        C("Guangzhou", "Guangdong", "Canton"), C("Shaoguan", "Guangdong"), C("Shenzhen", "Guangdong"), C("Zhuhai", "Guangdong"), C("Shantou", "Guangdong", "Swatow"),
        C("Foshan", "Guangdong"), C("Jiangmen", "Guangdong"), C("Zhanjiang", "Guangdong"), C("Maoming", "Guangdong"), C("Zhaoqing", "Guangdong"),
        C("Huizhou", "Guangdong"), C("Meizhou", "Guangdong"), C("Shanwei", "Guangdong"), C("Heyuan", "Guangdong"), C("Yangjiang", "Guangdong"),
        C("Qingyuan", "Guangdong"), C("Dongguan", "Guangdong"), C("Zhongshan", "Guangdong"), C("Chaozhou", "Guangdong"), C("Jieyang", "Guangdong"), C("Yunfu", "Guangdong"),
        // Guangxi
        C("Nanning", "Guangxi"), C("Liuzhou", "Guangxi"), C("Guilin", "Guangxi", "Kweilin"), C("Wuzhou", "Guangxi"), C("Beihai", "Guangxi"),
        C("Fangchenggang", "Guangxi"), C("Qinzhou", "Guangxi"), C("Guigang", "Guangxi"), C("Yulin", "Guangxi"), C("Baise", "Guangxi"),
        C("Hezhou", "Guangxi"), C("Hechi", "Guangxi"), C("Laibin", "Guangxi"), C("Chongzuo", "Guangxi"),
        // Hainan
        C("Haikou", "Hainan"), C("Sanya", "Hainan"), C("Sansha", "Hainan"), C("Danzhou", "Hainan"),
        // Sichuan
        C("Chengdu", "Sichuan"), C("Zigong", "Sichuan"), C("Panzhihua", "Sichuan"), C("Luzhou", "Sichuan"), C("Deyang", "Sichuan"),
        C("Mianyang", "Sichuan"), C("Guangyuan", "Sichuan"), C("Suining", "Sichuan"), C("Neijiang", "Sichuan"), C("Leshan", "Sichuan"),
        C("Nanchong", "Sichuan"), C("Meishan", "Sichuan"), C("Yibin", "Sichuan"), C("Guang'an", "Sichuan", "Guangan"), C("Dazhou", "Sichuan"),
        C("Ya'an", "Sichuan", "Yaan"), C("Bazhong", "Sichuan"), C("Ziyang", "Sichuan"), C("Aba", "Sichuan", "Ngawa"), C("Garze", "Sichuan", "Ganzi"),
        C("Liangshan", "Sichuan", "Liangshan Yi Autonomous Prefecture"),
        // Guizhou
        C("Guiyang", "Guizhou"), C("Liupanshui", "Guizhou"), C("Zunyi", "Guizhou"), C("Anshun", "Guizhou"), C("Bijie", "Guizhou"), C("Tongren", "Guizhou"),
        C("Qiandongnan", "Guizhou"), C("Qiannan", "Guizhou"), C("Qianxinan", "Guizhou"),
        // Yunnan
        C("Kunming", "Yunnan"), C("Qujing", "Yunnan"), C("Yuxi", "Yunnan"), C("Baoshan", "Yunnan"), C("Zhaotong", "Yunnan"),
        C("Lijiang", "Yunnan"), C("Pu'er", "Yunnan", "Puer", "Simao"), C("Lincang", "Yunnan"), C("Chuxiong", "Yunnan"), C("Honghe", "Yunnan"),
        C("Wenshan", "Yunnan"), C("Xishuangbanna", "Yunnan"), C("Dali", "Yunnan"), C("Dehong", "Yunnan"), C("Nujiang", "Yunnan"), C("Diqing", "Yunnan"),
        // Tibet
        C("Lhasa", "Tibet"), C("Shigatse", "Tibet", "Xigaze", "Rikaze"), C("Chamdo", "Tibet", "Qamdo", "Changdu"), C("Nyingchi", "Tibet", "Linzhi"),
        C("Shannan", "Tibet", "Lhoka"), C("Nagqu", "Tibet", "Naqu"), C("Ngari", "Tibet", "Ali"),
        // Shaanxi
        C("Xi'an", "Shaanxi", "Xian", "Sian"), C("Tongchuan", "Shaanxi"), C("Baoji", "Shaanxi"), C("Xianyang", "Shaanxi"), C("Weinan", "Shaanxi"),
        C("Yan'an", "Shaanxi", "Yanan"), C("Hanzhong", "Shaanxi"), C("Yulin", "Shaanxi"), C("Ankang", "Shaanxi"), C("Shangluo", "Shaanxi"),
        // Gansu
        C("Lanzhou", "Gansu"), C("Jiayuguan", "Gansu"), C("Jinchang", "Gansu"), C("Baiyin", "Gansu"), C("Tianshui", "Gansu"),
        C("Wuwei", "Gansu"), C("Zhangye", "Gansu"), C("Pingliang", "Gansu"), C("Jiuquan", "Gansu"), C("Qingyang", "Gansu"),
        C("Dingxi", "Gansu"), C("Longnan", "Gansu"), C("Linxia", "Gansu"), C("Gannan", "Gansu"),
        // Qinghai
        C("Xining", "Qinghai"), C("Haidong", "Qinghai"), C("Haibei", "Qinghai"), C("Huangnan", "Qinghai"), C("Hainan Prefecture", "Qinghai", "Hainan Tibetan Autonomous Prefecture", "Hainan Tibetan"), C("Golog", "Qinghai", "Guoluo"),
        C("Yushu", "Qinghai"), C("Haixi", "Qinghai"),
        // Ningxia
        C("Yinchuan", "Ningxia"), C("Shizuishan", "Ningxia"), C("Wuzhong", "Ningxia"), C("Guyuan", "Ningxia"), C("Zhongwei", "Ningxia"),
        // Xinjiang
        C("Urumqi", "Xinjiang", "Wulumuqi", "Urumchi"), C("Karamay", "Xinjiang", "Kelamayi"), C("Turpan", "Xinjiang", "Turfan", "Tulufan"), C("Hami", "Xinjiang", "Kumul"),
        C("Changji", "Xinjiang"), C("Bortala", "Xinjiang"), C("Bayingolin", "Xinjiang"), C("Aksu", "Xinjiang"), C("Kizilsu", "Xinjiang"),
        C("Kashgar", "Xinjiang", "Kashi"), C("Hotan", "Xinjiang", "Hetian"), C("Ili", "Xinjiang", "Yili"), C("Tacheng", "Xinjiang"), C("Altay", "Xinjiang", "Aletai"),
    ];
}
