from wrap import body_lines, wrap

RUNNING_HEAD = "2 要闻 2022年8月8日 星期一 责任编辑:孙 琳 组版:王 冰 校对:李 倩"
BANNER_DOUBLED = "喜迎二十大喜迎二十大··文旅新气象文旅新气象"
BANNER = "喜迎二十大·文旅新气象"
FURNITURE_TAIL = ["本版责编：孙 琳  版式设计：王 冰", "电话：0537-2968135  邮箱：jnrbyw@163.com"]

# 1. headline-first story under the doubled banner
qf_kicker, qf_title = "暑期文旅市场持续升温", "曲阜“研学游”带火“夜经济”"
qf_dateline, qf_credit = "本报曲阜8月7日讯", "（记者 孔 晓 通讯员 颜婷）"
qf = [
 "8月6日晚，曲阜尼山圣境景区内灯火璀璨、游人如织，来自全国各地的研学团队在大学堂前体验“开笔礼”，随后观看大型演艺《金声玉振》。“孩子在这里穿汉服、学礼仪，晚上还能看演出，一天下来收获满满。”来自江苏徐州的游客张丽娟说。",
 "今年暑期，曲阜市围绕“研学+夜游”做文章，推出“跟着孔子去研学”“明故城夜市”等12条精品线路，串联三孔景区、孔子博物馆、尼山圣境等景点，延长游客停留时间。曲阜市文化和旅游局局长刘晓明介绍，7月份以来，全市累计接待研学团队1.2万批次、游客63.5万人次，实现旅游综合收入5.8亿元，同比分别增长23.6%和31.2%。",
 "夜幕降临，明故城五马祠街上各类小吃摊点、文创店铺前人头攒动。曲阜市在明故城内打造“夜孔府”沉浸式体验项目，开设非遗展演、汉服巡游、灯光秀等活动，让“夜经济”成为文旅消费新增长点。据统计，明故城夜间客流量日均达到2.3万人次。",
 "下一步，曲阜将持续擦亮“东方圣城”文旅品牌，推动研学旅游提档升级，让更多游客“留下来、住下来”。",
]
# 2. photo
photo = "8月6日，游客在邹城市孟子湖新区荷花观赏区拍照留念。连日来，该区域3000余亩荷花竞相绽放，吸引众多市民前来观赏。"
photo_credit = "本报记者 徐建中摄"
# 3. continuation B (headline before)
b_head, b_marker = "为企业攀登注入源动力", "（上接1版B）"
b = [
 "共建联合实验室、技术转移中心等创新平台。截至目前，全市共有省级以上企业技术中心186家、制造业创新中心9家，今年新认定省级“一企一技术”研发中心27家，数量居全省前列。",
 "实施人才引育能力提升行动，打造高端人才“集聚地”。屈耀武说，市工信局将围绕十大产业集群，实施“重点产业人才引育计划”，采取“柔性引才+项目合作”方式，为企业精准引进急需紧缺人才。今年上半年，全市规模以上工业企业新引进高层次人才312人，同比增长18.6%。",
 "实施人才生态优化提升行动，营造拴心留人“好环境”。落实人才住房、子女入学、医疗保障等服务政策，建立“一对一”联系服务企业人才制度，让各类人才在济宁安心、安身、安业。",
]
# 4. continuation C (marker inline, short headline after)
c_head, c_marker = "推动技能人才“四化”培养", "（上接1版C）"
c = [
 "全面推行企业技能人才自主评价，支持企业按照国家职业技能标准，结合岗位实际自主开发评价规范、自主确定评价方式。目前，全市已有286家企业获批开展自主评价，累计评价技能人才4.6万人次，其中取得高级工以上职业资格人员占比达到42.3%。",
 "强化技能竞赛引领，推动技能人才“常态化”培养。以“技能济宁”职业技能大赛为龙头，每年举办市级一类竞赛20项以上，带动县市区、行业企业开展岗位练兵。对获奖选手按规定晋升职业技能等级，让更多技术工人“以赛促学、以赛促训”。",
 "打通职业发展通道，推动技能人才“贯通化”培养。刘东利表示，下一步，市人社局将深入推进技能人才与专业技术人才职业发展贯通，完善“技能+学历”提升机制，让技能人才有“奔头”、有“干头”，为制造强市建设提供坚实的人才保障。",
]
# 5. continuation A (marker on its own line, headline after)
a_head, a_marker = "城市基层治理引来“新”力量", "（上接1版A）"
a = [
 "兖州区还积极搭建新就业群体参与基层治理平台，招募236名快递员、外卖送餐员担任“流动网格员”，在走街串巷中随手拍、随时报，及时发现和反映安全隐患、环境卫生等问题。今年以来，“流动网格员”累计上报各类问题线索1300余条，办结率达到98.2%。",
 "“以前觉得社区的事离我们很远，现在我们也成了城市治理的一分子。”外卖送餐员李鹏飞说。下一步，兖州区将持续深化党建引领，推动新业态新就业群体从“治理对象”向“治理力量”转变，为城市基层治理注入更多“新”动能。",
]
# 6. Beijing story: Chinese-numeral dateline, byline at the end, headline after
bj_dateline, bj_byline = "本报北京八月七日讯", "（记者 马尚龙）"
bj_title, bj_sub = "济宁特色农产品亮相京城", "现场签约3.6亿元"
bj = [
 "8月5日至7日，2022中国品牌农业博览会在北京全国农业展览馆举行。我市组织金乡大蒜、鱼台大米、微山湖四鼻鲤鱼等36家企业的120余种特色农产品参展，现场签订购销合同17项，签约金额达3.6亿元。",
 "展会期间，济宁展区以“好客山东·济宁味道”为主题，设置农产品展示、品牌推介、直播带货等功能区，吸引大批客商和市民驻足。金乡县一家大蒜出口企业负责人王建国告诉记者，仅开展首日，企业就与北京、天津等地的6家采购商达成合作意向。",
 "近年来，我市深入实施农产品品牌提升行动，培育“济宁礼飨”等区域公用品牌，累计认证绿色食品、有机农产品和地理标志农产品418个。",
]
# 7. commentary
cm_banner, cm_title = "短评", "让“小哥”成为基层治理生力军"
cm = [
 "快递小哥、外卖骑手穿行于大街小巷，最熟悉城市的“毛细血管”。兖州区把党的组织和工作覆盖到新就业群体，让他们从城市的“过客”变成治理的“主人”，这一探索值得点赞。",
 "做好新就业群体工作，既要把他们“组织起来”，更要为他们“办实事”。从设立服务站点到推动工伤保险全覆盖，从搭建线上求助平台到招募“流动网格员”，只有真正解决他们的急难愁盼，才能凝聚起共建共治共享的强大合力。各县市区不妨借鉴这一做法，让更多“小哥”在基层治理中发光发热。",
]
# 8-10. briefs
br_banner = "简讯"
briefs = [
 ("本报梁山讯", "（通讯员 杨帆）", "梁山", None, [("杨帆", "通讯员")],
  "8月5日，梁山县举办2022年“水浒人才月”专场招聘会，82家企业提供就业岗位2600余个，现场达成就业意向580余人。"),
 ("本报鱼台讯", "（通讯员 周波 王蕾）", "鱼台", None, [("周波", "通讯员"), ("王蕾", "通讯员")],
  "近日，鱼台县2.3万亩再生稻喜获丰收，平均亩产达到420公斤，较去年提高约8%，带动种植户亩均增收300余元。"),
 ("本报微山讯", "", "微山", None, [],
  "8月6日，微山湖国家湿地公园迎来暑期游客高峰，单日接待游客1.5万人次。景区推出湖上采莲、渔家体验等特色项目，受到游客欢迎。"),
]

def text():
    L = [RUNNING_HEAD, "", BANNER_DOUBLED, "", qf_kicker, qf_title, ""]
    printed = [qf_dateline + qf_credit + qf[0]] + qf[1:]
    L += body_lines(printed, 22, breaks=[9], spacing=[("23.6%", " 23.6%"), ("5.8亿元", "5.8 亿元")])
    L += [""] + wrap(photo, 11) + [photo_credit, ""]
    L += [b_head, b_marker] + body_lines(b, 18, breaks=[6]) + [""]
    L += body_lines([c_marker + c[0]] + c[1:], 18, breaks=[10]) + ["", c_head, ""]
    L += body_lines([bj_dateline + " " + bj[0]] + bj[1:-1] + [bj[-1] + bj_byline], 21, breaks=[5],
                    spacing=[("36家", "36 家")]) + ["", bj_title, bj_sub, ""]
    L += [cm_banner, ""] + body_lines(cm, 19, breaks=[3]) + ["", cm_title, ""]
    L += [br_banner, ""]
    for dl, cr, *_rest, body in briefs:
        L += body_lines([dl + (cr or ' ') + body], 24) + [""]
    L += [a_marker] + body_lines(a, 20) + ["", a_head, ""]
    L += FURNITURE_TAIL + [""]
    return "\n".join(L) + "\n"

def art(kind="article", headline=(), column=None, byline=(), bylineRaw=None, dateline=None, continuesTo=None,
        continuedFrom=None, paragraphs=(), page=2, pages=None):
    d = {"page": page, "pages": pages or [page], "kind": kind, "headline": list(headline)}
    if column: d["column"] = column
    d["byline"] = [{"name": n, "role": r} for n, r in byline]
    if bylineRaw: d["bylineRaw"] = bylineRaw
    if dateline: d["dateline"] = dateline
    if continuesTo: d["continuesTo"] = continuesTo
    if continuedFrom: d["continuedFrom"] = continuedFrom
    d["paragraphs"] = list(paragraphs)
    return d

def gold():
    arts = [
     art(headline=[qf_kicker, qf_title], column=BANNER, byline=[("孔晓", "记者"), ("颜婷", "通讯员")], bylineRaw=qf_credit,
         dateline={"raw": qf_dateline, "place": "曲阜", "date": "2022-08-07"}, paragraphs=qf),
     art(kind="photo", byline=[("徐建中", "本报记者")], bylineRaw=photo_credit, paragraphs=[photo]),
     art(headline=[b_head], continuedFrom={"page": 1, "section": "B", "raw": b_marker}, paragraphs=b),
     art(headline=[c_head], continuedFrom={"page": 1, "section": "C", "raw": c_marker}, paragraphs=c),
     art(headline=[bj_title, bj_sub], byline=[("马尚龙", "记者")], bylineRaw=bj_byline,
         dateline={"raw": bj_dateline, "place": "北京", "date": "2022-08-07"}, paragraphs=bj),
     art(kind="commentary", headline=[cm_title], column=cm_banner, paragraphs=cm),
    ]
    for dl, cr, place, date, by, body in briefs:
        d = {"raw": dl, "place": place}
        if date: d["date"] = date
        arts.append(art(kind="brief", column=br_banner, byline=by, bylineRaw=cr or None, dateline=d, paragraphs=[body]))
    arts.append(art(headline=[a_head], continuedFrom={"page": 1, "section": "A", "raw": a_marker}, paragraphs=a))
    return arts

JUMPS = {"A": a, "B": b, "C": c}
