"""another-paper/page-01: headline-first, one paragraph per line, blank lines between items. Issue date 2022-08-08."""
MASTHEAD = "第12345期 CN 37-0106 星期一 农历壬寅年七月十一"
EDITIONS = "A01版:要闻 A02版:综合 A03版:经济 A04版:文化"
TAIL = "本版责编：周 丽  版式设计：陈 晨  电话：0531-85193000"

items = []
def item(lines, gold): items.append((lines, gold))

def art(kind="article", headline=(), column=None, byline=(), bylineRaw=None, dateline=None, paragraphs=()):
    d = {"page": 1, "pages": [1], "kind": kind, "headline": list(headline)}
    if column: d["column"] = column
    d["byline"] = [{"name": n, "role": r} for n, r in byline]
    if bylineRaw: d["bylineRaw"] = bylineRaw
    if dateline: d["dateline"] = dateline
    d["paragraphs"] = list(paragraphs)
    return d

# 1. 新华社 电头 with the reporter glued to the credit
t1, s1 = "全国夏粮收购进度快于上年同期", "主产区累计收购小麦超5000万吨"
dl1, cr1 = "新华社北京8月7日电", "(记者张益俊)"
p1 = [
 "记者从国家粮食和物资储备局获悉，今年夏粮收购工作进展顺利。截至8月5日，河南、山东、安徽等小麦主产区各类粮食企业累计收购小麦5126万吨，收购进度快于上年同期。",
 "国家粮食和物资储备局有关负责人介绍，今年小麦质量总体好于上年，市场购销活跃，价格保持在合理区间。各地积极引导多元主体入市收购，优化售粮服务，推广线上售粮平台，方便农民就近就便售粮。",
 "该负责人表示，下一步将持续加强市场监测，督促企业严格执行国家粮食收购政策，切实维护种粮农民利益。",
]
item([t1, s1, dl1 + cr1 + p1[0]] + p1[1:],
     art(headline=[t1, s1], byline=[("张益俊", "记者")], bylineRaw=cr1,
         dateline={"raw": dl1, "place": "北京", "date": "2022-08-07"}, paragraphs=p1))

# 2. kicker + title, multi-role byline line, 电头 without credit
k2, t2 = "守护一江碧水", "洞庭湖区江豚种群数量稳步回升"
by2 = "新华社记者 李大伟 黄秋生 通讯员 陈理春"
dl2 = "新华社长沙8月7日电"
p2 = [
 "清晨的洞庭湖烟波浩渺，几头江豚不时跃出水面，引得岸边游客阵阵欢呼。“现在出来巡护，经常能看到江豚成群结队地游弋。”岳阳市东洞庭湖江豚保护协会巡护队员何大明说。",
 "近年来，湖南持续推进长江十年禁渔，全面清理整治非法矮围、砂石码头，实施退田还湖、湿地修复等工程。最新监测显示，洞庭湖区江豚数量已从2017年的110头左右增加到目前的160头左右。",
 "湖南省林业局湿地保护管理处负责人表示，将继续加强江豚栖息地保护，推进生态廊道建设，让“微笑天使”在一江碧水中自由畅游。",
]
item([k2, t2, by2, dl2 + " " + p2[0]] + p2[1:],
     art(headline=[k2, t2], byline=[("李大伟", "新华社记者"), ("黄秋生", "新华社记者"), ("陈理春", "通讯员")], bylineRaw=by2,
         dateline={"raw": dl2, "place": "长沙", "date": "2022-08-07"}, paragraphs=p2))

# 3. feature with a dash subtitle, day-only 电头 and crossheads
t3, s3 = "新能源汽车产业集群加速成势", "——来自合肥经济技术开发区的调查"
by3 = "本报记者 王成龙"
dl3 = "本报合肥7日电"
p3 = [
 "走进合肥经济技术开发区的一家新能源汽车整车工厂，冲压、焊装、涂装、总装四大车间内，数百台机器人协同作业，平均每76秒就有一辆新车下线。",
 "龙头带动 链条更完整",
 "今年上半年，合肥市新能源汽车产量达到11.2万辆，同比增长1.3倍。围绕整车龙头企业，当地引进和培育电池、电机、电控等配套企业120余家，本地配套率超过60%。",
 "创新驱动 动能更强劲",
 "“我们与中国科学技术大学共建联合实验室，今年已申请发明专利46项。”一家动力电池企业研发负责人赵立新说。截至目前，合肥已建成新能源汽车领域省级以上创新平台38个。",
 "业内人士认为，随着一批重大项目陆续投产，合肥有望在2025年形成千亿级新能源汽车产业集群。",
]
item([t3, s3, by3, dl3 + " " + p3[0]] + p3[1:],
     art(headline=[t3, s3], byline=[("王成龙", "本报记者")], bylineRaw=by3,
         dateline={"raw": dl3, "place": "合肥", "date": "2022-08-07"}, paragraphs=p3))

# 4. column banner, editor's note, then the column's first story (padded name, full-width digits)
col4 = "乡村振兴·一线观察"
note4 = "乡村要振兴，产业是关键。即日起，本报推出“乡村振兴·一线观察”栏目，走进田间地头、企业车间，记录各地发展特色产业、带动农民增收的生动实践，敬请关注。"
t4 = "小小煎饼“卷”出富民大产业"
by4 = "记者 矫 月"
dl4 = "本报邹城８月７日讯"
p4 = [
 "清晨6点，邹城市太平镇的煎饼加工车间里已是一片忙碌。工人们将调好的杂粮面糊舀上鏊子，摊、刮、揭，一张张薄如蝉翼的煎饼很快成形。",
 "“过去摊煎饼是家家户户的手艺，现在成了村里的致富产业。”太平镇党委书记孟庆华说，全镇现有煎饼加工企业和作坊86家，年产煎饼2.4万吨，产品销往全国20多个省份，带动2300余人就业。",
 "为推动煎饼产业规范化发展，邹城市制定了杂粮煎饼生产地方标准，建设煎饼产业园，引导企业注册商标、开设网店。今年1至7月，当地煎饼线上销售额达到1.1亿元，同比增长35%。",
]
items.append(([col4], None))
item(["编者按：" + note4], art(kind="editorsNote", column=col4, paragraphs=[note4]))
item([t4, by4, dl4 + " " + p4[0]] + p4[1:],
     art(headline=[t4], column=col4, byline=[("矫月", "记者")], bylineRaw=by4,
         dateline={"raw": dl4, "place": "邹城", "date": "2022-08-07"}, paragraphs=p4))

# 5. paper-named 讯头
t5 = "八旬老人迷路 热心市民接力护送回家"
dl5, cr5 = "本报讯", "(德州晚报全媒体记者 张明凯)"
p5 = [
 "8月6日傍晚，一名八旬老人在德城区新湖大街附近迷路，热心市民发现后拨打110报警，并陪伴老人等候民警到来。",
 "民警赶到后，通过老人口述和走访周边群众，仅用40分钟就联系上其家属。老人的儿子刘先生赶到后连声致谢：“多亏了好心人和民警，不然后果不堪设想。”",
]
item([t5, dl5 + cr5 + p5[0]] + p5[1:],
     art(headline=[t5], byline=[("张明凯", "全媒体记者")], bylineRaw=cr5, dateline={"raw": dl5}, paragraphs=p5))

def text():
    L = [MASTHEAD, EDITIONS, ""]
    for lines, _ in items:
        L += lines + [""]
    L += [TAIL, ""]
    return "\n".join(L)

def gold():
    return [g for _, g in items if g]
