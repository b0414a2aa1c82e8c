// Page furniture both styles print: running heads (page number, date, paper, section) and staff lines.
// Every line made here goes into the page's gold `furniture`.

const SECTIONS = ['要闻', '要闻', '要闻', '要闻', '评论', '经济', '政治', '社会', '理论', '文化', '国际', '国际',
  '体育', '副刊', '生态', '科技', '教育', '健康', '视点', '地方'];
const WEEKDAYS = '日一二三四五六';
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红燕兰峰琳晨宇浩凯鹏宁欣瑶';

export const section = page => SECTIONS[(page - 1) % SECTIONS.length];

export function printedDate(date) {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return { long: `${y}年${m}月${d}日`, weekday: `星期${weekday}` };
}

function person(rng) {
  const given = rng.chance(0.4) ? rng.pick([...GIVEN]) : rng.pick([...GIVEN]) + rng.pick([...GIVEN]);
  const name = rng.pick([...SURNAMES]) + given;
  return name.length === 2 ? `${name[0]}  ${name[1]}` : name; // two-character names padded, as printed
}

/** The running head across the top of a page, in one of the layouts papers use. */
export function runningHead(date, page, rng) {
  const { long, weekday } = printedDate(date);
  const n = String(page).padStart(2, '0');
  return rng.pick([
    () => `${page}  ${section(page)}  ${long}  ${weekday}`,
    () => `人民日报  ${long}  ${weekday}  第${page}版  ${section(page)}`,
    () => `${long}  ${weekday}  ${section(page)}  ${n}`,
    () => `第${n}版：${section(page)}  ${long}`,
  ])();
}

/** Staff lines (责任编辑, 本版责编 …), none to two; no second designer when the page credits one already. */
export function staffLines(rng, designer = false) {
  const lines = [];
  if (rng.chance(0.7)) lines.push(`责任编辑：${person(rng)}  ${person(rng)}`);
  if (!designer && rng.chance(0.3)) lines.push(`本版责编：${person(rng)}  版式设计：${person(rng)}`);
  return lines;
}
