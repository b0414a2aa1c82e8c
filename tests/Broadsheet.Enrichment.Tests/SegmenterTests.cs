using Broadsheet.Enrichment.Lexicon;
using JiebaNet.Segmenter;

namespace Broadsheet.Enrichment.Tests;

/// <summary>Our segmenter must cut exactly as jieba.NET's <c>Cut(text, hmm: false)</c> does, with true offsets.</summary>
public class SegmenterTests
{
    private static readonly Lazy<JiebaSegmenter> Jieba = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources");
        return new JiebaSegmenter();
    });

    private static void AssertSameAsJieba(string text)
    {
        // jieba.NET cuts a surrogate pair in two; we keep the character whole, as Python's jieba does.
        var expected = new List<string>();
        foreach (var word in Jieba.Value.Cut(text, cutAll: false, hmm: false))
            if (word.Length == 1 && char.IsLowSurrogate(word[0]) && expected.Count > 0 && expected[^1] is [var high] && char.IsHighSurrogate(high))
                expected[^1] += word;
            else
                expected.Add(word);
        var tokens = NewsroomLexicon.Shared.Cut(text);
        Assert.Equal(expected, tokens.Select(t => t.Word).ToList());
        // Offsets: the tokens tile the text.
        var at = 0;
        foreach (var t in tokens)
        {
            Assert.Equal(at, t.Start);
            Assert.Equal(t.Word, text.Substring(t.Start, t.Word.Length));
            at = t.End;
        }
        Assert.Equal(text.Length, at);
    }

    [Fact]
    public void Cuts_the_sample_issue_as_jieba_does()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "2022-08-08.txt"));
        Assert.True(text.Length > 5000);
        AssertSameAsJieba(text);
        foreach (var line in text.Split('\n')) AssertSameAsJieba(line);
    }

    [Fact]
    public void Cuts_runs_of_dictionary_words_as_jieba_does()
    {
        // Words glued together at random: boundaries where several paths compete, as in real prose.
        var words = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Resources", "dict.txt"))
            .Select(l => l.Split(' ')[0]).Where(w => w.Length > 0).ToArray();
        var rng = new Random(20220808);
        for (var n = 0; n < 300; n++)
        {
            var parts = Enumerable.Range(0, rng.Next(1, 40)).Select(_ => words[rng.Next(words.Length)]);
            AssertSameAsJieba(string.Concat(parts));
        }
    }

    [Fact]
    public void Cuts_any_mix_of_scripts_digits_spaces_and_punctuation_as_jieba_does()
    {
        const string alphabet = "的是在了不和有大这主中人上为们地个用工时要动国产以我到他会作来分生对于学下级就年阶义发成部民可出能方进同行面说种过命度革而多子后自社加小机也经力线本电高量长党得实家定深法表着水理化争现所二起政三好十战无农使性前等反体合斗路图把结第里正新开论之物从当两些还天资事队批点育重其思与间内去因件日利相由压员气业代全组数果期导平各基或月毛然如应形想制心样干都向变关问比展那它最及外没看治提五解系林者米群头意只明四道马认次文通但条较克又公孔领军流入接席位情运器并飞原油放立题质指建区验活众很教决特此常石强极土少已根共直团统式转别造切九你取西持总料连任志观调七么山程百报更见必真保热委手改管处己将修支识病象几先老光专什六型具示复安带每东增则完风回南广劳轮科北打积车计给节做务被整联步类集号列温装即毫知轴研单色坚据速防史拉世设达尔场织历花受求传口断况采精金界品判参层止边清至万确究书术状厂须离再目海交权且儿青才证低越际八试规斯近注办布门铁需走议县兵固除般引齿千胜细影济白格效置推空配刀叶率述今选养德话查差半敌始片施响收华觉备名红续均药标记难存测士身紧液派准斤角降维板许破述技消底床田势端感往神便贺村构照容非搞亚磨族火段算适讲按值美态黄易彪服早班麦削信排台声该击素张密害侯草何树肥继右属市严径螺检左页抗苏显苦英快称坏移约巴材省黑武培著河帝仅针怎植京助升王眼她抓含苗副杂普谈围食射源例致酸旧却充足短划剂宣环落首尺波承粉践府鱼随考刻靠够满夫失包住促枝局菌杆周护岩师举曲春元超负砂封换太模贫减阳扬江析亩木言球朝医校古呢稻宋听唯输滑站另卫字鼓刚写刘微略范供阿块某功套友限项余倒卷创律雨让骨远帮初皮播优占死毒圈伟季训控激找叫云互跟裂粮粒母练塞钢顶策双留误础吸阻故寸盾晚丝女散焊功株亲院冷彻弹错散商视艺灭版烈零室轻血倍缺厘泵察绝富城冲喷壤简否柱李望盘磁雄似困巩益洲脱投送奴侧润盖挥距触星松送获兴独官混纪依未突架宽冬章湿偏纹吃执阀矿寨责熟稳夺硬价努翻奇甲预职评读背协损棉侵灰虽矛厚罗泥辟告卵箱掌氧恩爱停曾溶营终纲孟钱待尽俄缩沙退陈讨奋械载胞幼哪剥迫旋征槽倒握担仍呀鲜吧卡粗介钻逐弱脚怕盐末阴丰雾冠丙街莱贝辐肠付吉渗瑞惊顿挤秒悬姆烂森糖圣凹陶词迟蚕亿矩康遵牧遭幅园腔订香肉弟屋敏恢忘编印蜂急拿扩伤飞露核缘游振操央伍域甚迅辉异序免纸夜乡久隶缸夹念兰映沟乙吗儒杀汽磷艰晶插埃燃欢铁补咱芽永瓦倾阵碳演威附牙芽永瓦斜灌欧献顺猪洋腐请透司危括脉宜笑若尾束壮暴企菜穗楚汉愈绿拖牛份染既秋遍锻玉夏疗尖殖井费州访吹荣铜沿替滚客召旱悟刺脑措贯藏敢令隙炉壳硫煤迎铸粘探临薄旬善福纵择礼愿伏残雷延烟句纯渐耕跑泽慢栽鲁赤繁境潮横掉锥希池败船假亮谓托伙哲怀割摆贡呈劲财仪沉炼麻罪祖息车穿货销齐鼠抽画饲龙库守筑房歌寒喜哥洗蚀废纳腹乎录镜妇恶脂庄擦险赞钟摇典柄辩竹谷卖乱虚桥奥伯赶垂途额壁网截野遗静谋弄挂课镇妄盛耐援扎虑键归符庆聚绕摩忙舞遇索顾胶羊湖钉仁音迹碎伸灯避泛亡答勇频皇柳哈揭甘诺概宪浓岛袭谁洪谢炮浇斑讯懂灵蛋闭孩释乳巨徒私银伊景坦累匀霉杜乐勒隔弯绩招绍胡呼痛峰零柴簧午跳居尚丁秦稍追梁折耗碱殊岗挖氏刃剧堆赫荷胸衡勤膜篇登驻案刊秧缓凸役剪川雪链渔啦脸户洛孢勃盟买杨宗焦赛旗滤硅炭股坐蒸凝竟陷枪黎救冒暗洞犯筒您宋弧爆谬涂味津臂障褐陆啊健尊豆拔莫抵桑坡缝警挑污冰柬嘴啥饭塑寄赵喊垫丹渡耳刨虎笔稀昆浪萨茶滴浅拥穴覆伦娘吨浸袖珠雌妈紫戏塔锤震岁貌洁剖牢锋疑霸闪埔猛诉刷狠忽灾闹乔唐漏闻沈熔氯荒茎男凡抢像浆旁玻亦忠唱蒙予纷捕锁尤乘乌智淡允叛畜俘摸锈扫毕璃宝芯爷鉴秘净蒋钙肩腾枯抛轨堂拌爸循诱祝励肯酒绳穷塘燥泡袋朗喂铝软渠颗惯贸粪综墙趋彼届墨碍启逆卸航衣孙龄岭骗休借济宁嘉祥汶上泗水兖州曲阜"
            + "ABCxyzQW0123456789+#&._%·-"
            + " \t\n\r\u3000\u00a0\u2028，。、：；！？“”（）《》—…●■％０１２３龘\ud842\udfb7";
        var rng = new Random(1234);
        for (var n = 0; n < 500; n++)
        {
            var chars = new char[rng.Next(0, 200)];
            for (var i = 0; i < chars.Length; i++)
            {
                // Mostly common Han, so dictionary words form; sometimes "\r\n" and the other scripts.
                var c = rng.Next(10) < 7 ? alphabet[rng.Next(1500)] : alphabet[rng.Next(alphabet.Length)];
                chars[i] = c == '\r' && i + 1 < chars.Length && rng.Next(2) == 0 ? '\n' : c;
            }
            AssertSameAsJieba(new string(chars));
        }
    }

    [Fact]
    public void Characters_outside_the_BMP_are_single_tokens_never_halves()
    {
        var words = NewsroomLexicon.Shared.Cut("刘𪚥利说😀👍🏻𠀀").Select(t => t.Word).ToList();
        Assert.Equal(["刘", "𪚥", "利", "说", "😀", "👍", "🏻", "𠀀"], words);
    }

    [Fact]
    public void Knows_frequencies_and_prefixes_as_jieba_stores_them()
    {
        var (table, median) = WordTable.Read("济宁 100 ns\r\n济宁市 300 ns\r\n济宁 50 ns\r\n坏行\r\n", "济宁 8.5\n湖泊 11.2\n");
        Assert.Equal(50, table.Frequency("济宁")); // a repeated word: the last line wins
        Assert.Equal(0, table.Frequency("济"));    // a prefix only
        Assert.Equal(-1, table.Frequency("宁"));
        Assert.Equal(450, table.TotalFrequency);  // but every line counts towards the total, as in jieba
        Assert.True(table.TryGet("湖泊", out var lake) && lake.Freq == 0 && lake.Idf == 11.2);
        Assert.True(table.TryGet("济宁市", out var city) && city.Tag == "ns" && city.Idf == 0);
        Assert.Equal(-1, table.Frequency("坏行"));
        Assert.Equal(11.2, median);
    }

    [Fact]
    public void A_word_only_idf_txt_lists_is_found_but_its_own_prefixes_stay_out_of_the_table()
    {
        var (table, _) = WordTable.Read("济宁 100 ns\n", "湖泊群 9.0\n济宁港 7.5\n");
        Assert.True(table.TryGet("湖泊群", out var lakes) && lakes.Freq == 0 && lakes.Idf == 9.0);
        Assert.Equal(0, table.Frequency("湖泊群"));
        // jieba's table holds no prefixes of idf.txt's words: the cut must stop at 湖 as it does there.
        Assert.Equal(-1, table.Frequency("湖"));
        Assert.Equal(-1, table.Frequency("湖泊"));
        Assert.False(table.TryGet("湖泊", out _));
        Assert.True(table.TryGet("济宁港", out var port) && port.Idf == 7.5);
        Assert.Equal(100, table.Frequency("济宁"));
        Assert.Equal(-1, table.Child(table.Child(WordTable.Root, '湖'), '海'));
    }

    [Fact]
    public void Two_word_tables_on_one_thread_each_cut_by_their_own_words()
    {
        // The same entry numbers in both tables (济 0, 济宁 1, then 济宁市 or 市 2): a step remembered from one table
        // must not answer for the other.
        var (withCity, _) = WordTable.Read("济 10 n\n济宁 100 ns\n济宁市 300 ns\n", "");
        var (withoutCity, _) = WordTable.Read("济 10 n\n济宁 100 ns\n市 50 n\n", "");
        string[] Cut(WordTable table) => [.. new Segmenter(table).Cut("济宁市济宁市").Select(t => t.Word)];
        Assert.Equal(["济宁市", "济宁市"], Cut(withCity));
        Assert.Equal(["济宁", "市", "济宁", "市"], Cut(withoutCity));
        Assert.Equal(["济宁市", "济宁市"], Cut(withCity));
    }
}
