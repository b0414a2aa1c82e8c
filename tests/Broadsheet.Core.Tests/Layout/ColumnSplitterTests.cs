using Broadsheet.Core.Layout;

namespace Broadsheet.Core.Tests.Layout;

/// <summary>
/// Side-by-side columns that pdftotext's default order reads together, taken apart. The pages are excerpts of the
/// tuning month's renders (人民日报 2019-10, seed 1, default order), as pdftotext gave them.
/// </summary>
public class ColumnSplitterTests
{
    /// <summary>2019-10-10 page 14: a column that starts higher (`…在“痰瘀互结”`) then shares its lines with the one on its left.</summary>
    private static readonly string[] TwoColumns =
    [
        "奖励，也不过是欺世盗名罢了。”",
        "日常接诊大量高血压、冠心病患",
        "者，雷忠义发现，单纯胸痛（属瘀）",
        "者有之，单纯胸闷（属痰）者亦有",
        "之，但多为痛、闷并见。根据传统方",
        "法，仅活血化瘀，难以尽除；单祛湿",
        "化痰，亦不理想。“能否合二为一，",
        "痰瘀并治？”雷忠义查阅大量文献，",
        "反复思考，首倡“胸痹痰瘀互结",
        "论”。历经数十载研究，治疗胸痹心",
        "痛病（冠心病）的日常用药“丹蒌",
        "片”，终于问世。",
        "在组方研究时，“价廉”是雷忠",
        "义坚持的一大原则：“冠心病是慢性",
        "病，需要长期服药。我们尽量选便宜",
        "药材，让老百姓用得起。”如今，雷",
        "忠义和年轻同仁们，在“痰瘀互结”",
        "虽已是85岁高龄，端坐诊室的雷 的基础上继续探索，提出“痰瘀毒风",
        "忠义，仍神采奕奕。为保障老先生身 互结”理论，正开展临床研究，并拟",
        "体，医院要求门诊只限10个号。但从 定了新的方药。",
        "早上8点开始，现已“拖班”至下午1",
        "点。",
        "“很多病人从外地赶来，雷老都",
        "深夜油灯下，曾看父亲治病的雷",
        "会加号，从来没按时下过班。”值班 鹏，如今也精研中医，成为一名医",
    ];

    /// <summary>2019-10-01 page 4: four columns of three stories, three on one baseline, the fourth a little lower.</summary>
    private static readonly string[] FourColumns =
    [
        "外国专家表示热烈祝贺，充分肯定他们为促 模范的丰功伟绩和鲜明品格，号召大家敬仰 模范所展现的执着，就是为国为民奉献的志 是“中泰一家亲”的重要体现。公主经常到",
        "进中国现代化建设、推动中外友好交往与互 英雄、学习英雄，矗立起爱国奉献、担当作 向坚定不移，对党和人民事业的坚守无怨无 中国走一走，既能讲好泰国故事，也能了解",
        "利合作所作的重要贡献，并通过他们向全体 为的精神灯塔，把个人奋斗汇入逐梦复兴的 悔。这种志不改、道不变的坚定，这种积跬",
        "为中国现代化事业作出贡献的外国专家、国 时代洪流。",
        "步、至千里的坚持，既是我们这个时代所呼",
        "际友人及其亲属表示诚挚问候。",
        "赤胆忠心献身国防事业，鞠躬尽瘁推动 唤的品质，也恰恰是每一个人实现精彩人生",
        "李克强表示，新中国成立70年来，特别 科技创新，一辈子深藏功名、埋首奉献，讲 的必需品格。",
        "是改革开放40多年来，中国经济社会发展取 台上传道授业、心系国运……拳拳爱国心、",
        "朴实是立身之本。“誓干惊天动地事， 刘鹤出席并讲话",
        "得了举世瞩目的成就。这得益于亿万中国人 殷殷报国情，国家勋章和国家荣誉称号获得 甘做隐姓埋名人。”在平凡的工作岗位上忘",
        "本报北京9月30日电 （记者吴秋余）",
        "民的自强不息、不懈奋斗，也得到了外国专 者，是千千万万为党和人民事业作出贡献的 我工作、无私奉献，不计个人得失，舍小家",
        "2019年度中国政府友谊奖颁奖仪式30日在",
        "家和国际友人的支持和帮助。回顾70年，有 杰出人士的代表。伟大时代呼唤伟大精神， 顾大家，是英雄模范们所共有的品质。两次",
        "的外国专家为帮助中国改变曾经一穷二白的 崇高事业需要榜样引领。对全党全社会而 获得“战斗英雄”荣誉称号的张富清，60多 人民大会堂隆重举行，中共中央政治局委",
        "员、国务院副总理刘鹤向获奖外国专家颁奖",
        "面貌作出了重要努力，有的在改革开放初期 言，对英雄模范历史功绩的最好铭记，对他 年来刻意尘封功绩，退役转业主动选择到湖",
        "就与中国开展合作，带来国际先进技术、经 们英雄风范的最好尊崇，就是学习他们身上 北省最偏远的来凤县工作，为贫困山区奉献 并讲话。",
        "刘鹤代表中国政府向来自31个国家的",
        "验和管理理念，几十年未曾间断，为中国的 展现的忠诚、执着、朴实的鲜明品格，转化 一生。朱彦夫在战场上失去了四肢和左眼，",
        "100位获奖专家表示热烈祝贺，向所有在华",
        "发展贡献了重要力量，中国人民不会忘记。 为兴党兴国兴军的强大动力。",
        "退伍后仍担任村支书25年，带领群众治山治",
        "工作的外国专家和家属致以诚挚问候和衷心",
        "李克强指出，中国仍然是世界上最大的",
        "忠诚是事业之魂。国家勋章和国家荣誉 水、脱贫致富。功成不必在我，功成必定有",
        "感谢。他指出，新中国成立以来特别是改革",
        "发展中国家。我们将坚定不移走改革开放之 称号获得者身上闪耀着一个共同特征，这就 我，英雄模范的感人事迹充分证明，伟大出",
        "开放以来，大批外国专家积极投身中国现代",
        "路，集中精力办好自己的事，同时担负起作 是心中洋溢着对祖国的深沉大爱，生命里盛 自平凡，平凡造就伟大。",
        "化建设事业，帮助中国培养各类人才，大力",
        "为一个发展中大国应尽的责任，愿同世界各 装着对人民的无限忠诚。为了给500米口径",
        "“榜样是看得见的哲理”。我们讴歌英",
        "国一道维护世界和平，缩小南北差距，实现 球面射电望远镜（FAST）项目选到合适的台 雄、崇尚模范，不应该止于“诚心正意”的 促进中外合作交流，为中国的发展进步付出",
        "了大量心血、作出了重要贡献，与中国人民",
        "互利共赢，推动人类社会发展进步。",
        "址，南仁东每天翻山越岭，走遍了贵州上百 敬仰，而应该有起而行之、始于足下的行",
        "结下深厚情谊，中国人民将永远铭记在心。",
        "李克强强调，中国将继续拓展科技创新 个窝凼，只是为了“中国的天文学研究就有 动。向先锋看齐，向英雄学习，筑起的将是",
        "刘鹤表示，要坚持习近平主席倡导的建",
        "国际合作，推动国内大型科研基础设施和科 可能领先国际几十年”。从“两弹一星”到 永不流失的精神钙质。让个人奋斗与国家发",
        "设人类命运共同体理念。新时代的中国，是",
        "学数据资源的开放共享，加大各类科技计划 杂交水稻，从防沙治沙到巡边护边，英雄模 展同频共振，把实现个人梦、家庭梦融入国",
        "向外籍专家开放力度，鼓励外籍专家领衔和 范之所以能够以非常之品格成就非常之事 家梦、民族梦之中，在自己的赛道上顽强拼 更加繁荣发展的中国，是更加开放的中国，",
        "参与中国科技项目，争取取得更多让全人类 业，最大的精神支撑就是家国情怀，最大的 搏，每个人都能拥有精彩的人生，为祖国和 是愿意为世界作出更大贡献的中国。中国政",
        "府将坚定不移推动全方位对外开放，以实际",
        "共享的科技创新成果。我们将实施更加积 事业支撑就是许党许国的忠诚担当。",
        "民族作出贡献。人人如此，个个争先，涓滴",
        "行动维护多边贸易体制，致力于实现世界持",
        "极、更加开放、更加有效的人才政策，探索",
        "之水终将汇聚成不可阻挡的时代洪流。",
        "久和平、繁荣和人民安居乐业；大力推进创",
    ];

    private static string Han(IEnumerable<string> lines) =>
        string.Concat(string.Concat(lines).Where(c => Chars.IsHan(c)).OrderBy(c => c));

    private static void AssertInOrder(IReadOnlyList<string> lines, params string[] run)
    {
        var at = Array.IndexOf(lines.ToArray(), run[0]);
        Assert.True(at >= 0, $"missing line {run[0]}");
        for (var k = 1; k < run.Length; k++) Assert.Equal(run[k], lines[at + k]);
    }

    [Fact]
    public void Two_columns_on_one_line_become_two_runs_of_lines_each_read_on()
    {
        var lines = ColumnSplitter.Split(TwoColumns);
        Assert.DoesNotContain(lines, l => l.Contains("的雷 的基础上"));
        // The left column's lines follow each other…
        AssertInOrder(lines, "虽已是85岁高龄，端坐诊室的雷", "忠义，仍神采奕奕。为保障老先生身", "体，医院要求门诊只限10个号。但从");
        // …and the right one, which started higher, goes on from its own lines above.
        AssertInOrder(lines, "忠义和年轻同仁们，在“痰瘀互结”", "的基础上继续探索，提出“痰瘀毒风", "互结”理论，正开展临床研究，并拟", "定了新的方药。");
        Assert.Equal(Han(TwoColumns), Han(lines));
    }

    [Fact]
    public void Four_columns_in_step_are_read_one_column_at_a_time()
    {
        var lines = ColumnSplitter.Split(FourColumns);
        Assert.DoesNotContain(lines, l => l.Contains("他们为促 模范"));
        AssertInOrder(lines,
            "外国专家表示热烈祝贺，充分肯定他们为促",
            "进中国现代化建设、推动中外友好交往与互",
            "利合作所作的重要贡献，并通过他们向全体",
            "为中国现代化事业作出贡献的外国专家、国",
            "际友人及其亲属表示诚挚问候。",
            "李克强表示，新中国成立70年来，特别",
            "是改革开放40多年来，中国经济社会发展取",
            "得了举世瞩目的成就。这得益于亿万中国人",
            "民的自强不息、不懈奋斗，也得到了外国专",
            "家和国际友人的支持和帮助。回顾70年，有",
            "的外国专家为帮助中国改变曾经一穷二白的");
        Assert.Equal(Han(FourColumns), Han(lines));
    }

    [Fact]
    public void A_joined_line_or_two_alone_is_left_as_it_is()
    {
        // Two headlines side by side and a running head are joined lines, but no run of columns.
        var page = TwoColumns.Take(16).Concat(["李克强会见2019年度中国政府友好合作 把忠诚执着朴实写入心田（人民论坛）"]).ToArray();
        Assert.Same(page, ColumnSplitter.Split(page));
    }

    [Fact]
    public void A_line_is_cut_only_where_it_is_too_wide_for_a_column_and_never_between_Latin_words()
    {
        Assert.Equal(["务院总理李克强30日下午在人民大会堂亲切", "英雄辈出。"], ColumnSplitter.Cut("务院总理李克强30日下午在人民大会堂亲切 英雄辈出。", 20.5));
        Assert.Null(ColumnSplitter.Cut("本报北京9月30日电 （记者赵成）在", 20.5));
        Assert.Null(ColumnSplitter.Cut("President Xi Jinping met the visiting delegation in Beijing on Monday", 20.5));
    }
}
