// The gold-derivation rules (tools/corpus/gold.mjs) on text taken from corpus pages (人民日报 2019-10): what a correct
// parse must lift out of the paragraphs into dateline and byline, and what it must leave in the body.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datelineDate, goldArticle, isPhotoItem, parseCredit } from '../../tools/corpus/gold.mjs';

const gold = (paragraphs, extra = {}) => goldArticle({ title: '标题', paragraphs, ...extra }, '2019-10-01').article;

test('an opening wire dateline with its credit becomes dateline and byline; the body starts after them', () => {
  const a = gold(['本报北京9月30日电\u00a0\u00a0（记者张烁）庆祝中华人民共和国成立70周年招待会30日晚在人民大会堂隆重举行。', '李克强主持招待会。']);
  assert.deepEqual(a.dateline, { raw: '本报北京9月30日电', place: '北京', date: '2019-09-30' });
  assert.deepEqual(a.byline, [{ name: '张烁', role: '记者' }]);
  assert.equal(a.bylineRaw, '（记者张烁）');
  assert.deepEqual(a.paragraphs, ['庆祝中华人民共和国成立70周年招待会30日晚在人民大会堂隆重举行。', '李克强主持招待会。']);
});

test('据新华社电 (记者…) is a dateline and a byline, not body', () => {
  const a = gold(['据新华社电\u00a0\u00a0（记者徐海波）8月的湖北，高温炙烤。']);
  assert.deepEqual(a.dateline, { raw: '据新华社电', place: null, date: null });
  assert.deepEqual(a.byline, [{ name: '徐海波', role: '记者' }]);
  assert.deepEqual(a.paragraphs, ['8月的湖北，高温炙烤。']);
});

test('a wire dateline without a credit, and one whose body opens with a report line, keep the rest as body', () => {
  const a = gold(['新华社北京9月30日电\u00a0\u00a0国务院任免国家工作人员。']);
  assert.equal(a.dateline.raw, '新华社北京9月30日电');
  assert.equal(a.bylineRaw, null);
  assert.deepEqual(a.paragraphs, ['国务院任免国家工作人员。']);
  const b = gold(['本报北京10月1日电\u00a0\u00a0综合本报驻外记者报道：我驻外使领馆日前相继举行招待会。']);
  assert.deepEqual(b.paragraphs, ['综合本报驻外记者报道：我驻外使领馆日前相继举行招待会。']);
  assert.deepEqual(b.byline, []);
});

test('closing credits end the story they follow: wire datelines, reporters, 据新华社电 with its reporter', () => {
  const a = gold(['“尼中关系将达到新的历史高度。”班达里说。', '（本报加德满都10月9日电）']);
  assert.deepEqual(a.dateline, { raw: '本报加德满都10月9日电', place: '加德满都', date: '2019-10-09' });
  assert.deepEqual(a.paragraphs, ['“尼中关系将达到新的历史高度。”班达里说。']);

  const b = gold(['大家纷纷表示。', '（本报记者张贺、刘阳、张烁、王珏、郑海鸥、王瑨）']);
  assert.deepEqual(b.byline.map(p => p.name), ['张贺', '刘阳', '张烁', '王珏', '郑海鸥', '王瑨']);
  assert.ok(b.byline.every(p => p.role === '本报记者'));
  assert.deepEqual(b.paragraphs, ['大家纷纷表示。']);

  const c = gold(['于漪说。', '（据新华社电\u00a0\u00a0记者吴振东）']);
  assert.deepEqual(c.dateline.raw, '据新华社电');
  assert.deepEqual(c.byline, [{ name: '吴振东', role: '记者' }]);
  assert.deepEqual(c.paragraphs, ['于漪说。']);

  const d = gold(['会谈。', '（本报安卡拉、大马士革10月22日电）']);
  assert.equal(d.dateline.place, '安卡拉、大马士革');
});

test('author notes, data sources, quotes\' speakers and report compilers stay in the body', () => {
  for (const last of ['（新华社北京10月4日电  记者梅世雄、樊永强、梅常伟，参与采写：云利孝、杨进）', '（作者为中国驻尼泊尔大使）', '数据来源：华为云', '——习近平', '（本报记者周飞亚采访整理）', '（郭馨泽）', '（李东映参与采写）']) {
    const a = gold(['正文。', last]);
    assert.deepEqual(a.paragraphs, ['正文。', last], last);
    assert.equal(a.bylineRaw, null, last);
    assert.equal(a.dateline, null, last);
  }
});

test('a story\'s one picture credit is its byline; a list of pictures keeps its credits with the captions', () => {
  const a = gold(['广州猎德大桥亮灯表白祖国。', '陈运锋摄（影像中国）']);
  assert.deepEqual(a.byline, [{ name: '陈运锋', role: null }]);
  assert.deepEqual(a.paragraphs, ['广州猎德大桥亮灯表白祖国。']);
  const list = ['图片说明：', '图①：庆祝大会现场放飞和平鸽。', '新华社记者\u00a0\u00a0张玉薇摄', '图②：“祖国万岁”方阵。', '新华社记者\u00a0\u00a0杨宗友摄'];
  assert.deepEqual(gold(['游行。', ...list]).paragraphs, ['游行。', ...list.map(p => p.replace(/\u00a0/g, ' '))]);
});

test('a photo item is kind photo: captions are its body, credits (padded names joined) its byline', () => {
  const item = { title: '图片报道', paragraphs: ['10月1日，游客在天安门广场合影留念。', '龚献明摄（影像中国）', '国庆期间，市民在街头观看花坛。', '新华社记者\u00a0\u00a0赵\u00a0\u00a0戈摄'] };
  assert.ok(isPhotoItem(item));
  const a = goldArticle(item, '2019-10-02').article;
  assert.equal(a.kind, 'photo');
  assert.deepEqual(a.byline, [{ name: '龚献明', role: null }, { name: '赵戈', role: '新华社记者' }]);
  assert.deepEqual(a.paragraphs, ['10月1日，游客在天安门广场合影留念。', '国庆期间，市民在街头观看花坛。']);
  assert.equal(a.bylineRaw, '龚献明摄（影像中国） 新华社记者  赵  戈摄');

  const titled = goldArticle({ title: '喜做国庆面', paragraphs: ['国庆节前夕，社区居民做长寿面。', '本报记者\u00a0\u00a0范昊天摄'] }, '2019-10-01').article;
  assert.equal(titled.kind, 'photo');
  assert.equal(gold(['一篇长报道。'.repeat(60), '陈运锋摄']).kind, 'article');
});

test('crossheads stay paragraphs of their story', () => {
  const a = gold(['上海中共一大会址，游客重温入党誓词。', '新疆昌吉——', '各族群众载歌载舞。']);
  assert.deepEqual(a.paragraphs, ['上海中共一大会址，游客重温入党誓词。', '新疆昌吉——', '各族群众载歌载舞。']);
});

test('page staff lines the web edition appends to a story are page furniture', () => {
  const { article, furniture } = goldArticle({ title: '标题', paragraphs: ['正文。', '版式设计：蔡华伟'] }, '2019-10-01');
  assert.deepEqual(article.paragraphs, ['正文。']);
  assert.deepEqual(furniture, ['版式设计：蔡华伟']);
});

test('credits: roles, padded and foreign names; anything else is not a credit', () => {
  assert.deepEqual(parseCredit('记者\u00a0\u00a0王珏'), [{ name: '王珏', role: '记者' }]);
  assert.deepEqual(parseCredit('李龙伊、程欣然'), [{ name: '李龙伊', role: null }, { name: '程欣然', role: null }]);
  assert.deepEqual(parseCredit('记者 戈伟 实习生 刘晓雪'), [{ name: '戈伟', role: '记者' }, { name: '刘晓雪', role: '实习生' }]);
  assert.deepEqual(parseCredit('本报记者  徐  隽'), [{ name: '徐隽', role: '本报记者' }]);
  assert.deepEqual(parseCredit('确·胡热'), [{ name: '确·胡热', role: null }]);
  assert.equal(parseCredit('综合本报驻外记者报道：'), null);
  assert.equal(parseCredit('执笔：董  涛'), null);
});

test('dateline dates resolve against the issue date, across a month or a year', () => {
  assert.equal(datelineDate('9月30日', '2019-10-01'), '2019-09-30');
  assert.equal(datelineDate('30日', '2019-10-01'), '2019-09-30');
  assert.equal(datelineDate('12月31日', '2020-01-02'), '2019-12-31');
  assert.equal(datelineDate('1日', '2020-05-01'), '2020-05-01');
  assert.equal(datelineDate(undefined, '2020-05-01'), null);
});
