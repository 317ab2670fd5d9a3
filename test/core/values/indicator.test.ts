import { describe, it, expect } from 'vitest';
import { parseIndicatorValue, type Direction, type IndicatorValue } from '../../../src/core/values/indicator';

function quantitative(direction: Direction, value: number, unit: string, percent: boolean) {
  return { kind: 'quantitative', direction, value, unit, percent };
}

/** The parse without its display text, which the cases below check separately. */
function parsed(v: Parameters<typeof parseIndicatorValue>[0], format?: string | null, text?: string | null) {
  const r: IndicatorValue = parseIndicatorValue(v, format, text);
  if (r.kind !== 'quantitative') return r;
  const { text: _shown, ...rest } = r;
  return rest;
}

describe('parseIndicatorValue: quantitative text from the seeds', () => {
  it.each<[string, Direction, number, string, boolean]>([
    ['30人', 'exact', 30, '人', false],
    ['=44人', 'exact', 44, '人', false],
    ['=5(次/年）', 'exact', 5, '次/年', false],
    ['=68.95（万元）', 'exact', 68.95, '万元', false],
    ['>=100%', 'positive', 1, '', true],
    ['>=95%', 'positive', 0.95, '', true],
    ['≥95%', 'positive', 0.95, '', true],
    ['30次以上', 'positive', 30, '次', false],
    ['5次以上', 'positive', 5, '次', false],
    ['不少于20次', 'positive', 20, '次', false],
    ['不高于3800元', 'reverse', 3800, '元', false],
    ['每月不超过10万', 'reverse', 10, '万', false],
    ['1年以上', 'positive', 1, '年', false],
    ['100%', 'exact', 1, '', true],
    ['95%以上', 'positive', 0.95, '', true],
    ['改进率95%以上　', 'positive', 0.95, '', true],
    ['保护率95%以上　', 'positive', 0.95, '', true],
    ['控制在5%以内', 'reverse', 0.05, '', true],
    ['8小时', 'exact', 8, '小时', false],
    ['99%', 'exact', 0.99, '', true],
    ['96%', 'exact', 0.96, '', true],
    ['4人', 'exact', 4, '人', false],
    ['12月', 'exact', 12, '月', false],
    ['举办全市活动3次以上', 'positive', 3, '次', false],
    ['　100%', 'exact', 1, '', true],
    ['136.58%', 'exact', 1.3658, '', true],
  ])('%j → %s %d %j', (text, direction, value, unit, percent) => {
    expect(parsed(text)).toEqual(quantitative(direction, value, unit, percent));
  });
});

describe('parseIndicatorValue: operators', () => {
  it.each<[string, Direction, number, string, boolean]>([
    ['＞95%', 'positive', 0.95, '', true],
    ['>90%', 'positive', 0.9, '', true],
    ['≧90%', 'positive', 0.9, '', true],
    ['＞＝１００％', 'positive', 1, '', true],
    ['不低于90%', 'positive', 0.9, '', true],
    ['达到90%', 'positive', 0.9, '', true],
    ['满意度达到了90%', 'positive', 0.9, '', true],
    ['大于80分', 'positive', 80, '分', false],
    ['超过100人', 'positive', 100, '人', false],
    ['大于等于3次', 'positive', 3, '次', false],
    ['≤5%', 'reverse', 0.05, '', true],
    ['<=3天', 'reverse', 3, '天', false],
    ['＜3%', 'reverse', 0.03, '', true],
    ['≦10', 'reverse', 10, '', false],
    ['5%以下', 'reverse', 0.05, '', true],
    ['不超过134.3万元', 'reverse', 134.3, '万元', false],
    ['文件出错率低于0.3%。', 'reverse', 0.003, '', true],
    ['少于2次', 'reverse', 2, '次', false],
    ['小于1%', 'reverse', 0.01, '', true],
    ['控制在200万元以内', 'reverse', 200, '万元', false],
    ['3个工作日内', 'reverse', 3, '个工作日', false],
    ['＝100%', 'exact', 1, '', true],
    ['网站维护数量=4个', 'exact', 4, '个', false],
    ['时间不少于60天', 'positive', 60, '天', false],
    ['20篇以上', 'positive', 20, '篇', false],
    ['220余次', 'positive', 220, '次', false],
    ['公开政务信息9万余条', 'positive', 9, '万条', false],
  ])('%j → %s %d %j', (text, direction, value, unit, percent) => {
    expect(parsed(text)).toEqual(quantitative(direction, value, unit, percent));
  });
});

describe('parseIndicatorValue: descriptive text around the value', () => {
  it.each<[string, Direction, number, string, boolean]>([
    ['项目经费均按进度进行拨付，达到90%。', 'positive', 0.9, '', true],
    ['群众满意率达到98%，达到预期目标', 'positive', 0.98, '', true],
    ['每人每月3500元，全面完成', 'exact', 3500, '元', false],
    ['实现80万元，达到预期目标', 'exact', 80, '万元', false],
    ['联系帮扶社区经费10万元', 'exact', 10, '万元', false],
    ['参训人员合格率100%。', 'exact', 1, '', true],
    ['100%完成', 'exact', 1, '', true],
    ['1,234.5万元', 'exact', 1234.5, '万元', false],
    ['-3', 'exact', -3, '', false],
    ['≥-5%', 'positive', -0.05, '', true],
  ])('%j → %s %d %j', (text, direction, value, unit, percent) => {
    expect(parsed(text)).toEqual(quantitative(direction, value, unit, percent));
  });
});

describe('parseIndicatorValue: qualitative', () => {
  it.each([
    '满意',
    '基本满意',
    '及时',
    '有效保障',
    '不超预算',
    '良好以上',
    '及时办理',
    '合格',
    '效果显著',
    '会务中心5666平方米，大院67931平方米',
    '在规定时间节点内完成，超过节点扣分',
    '按国网供电公司和自来水公司定价',
    '收发、传阅、归档文件零差错',
    '2022年12月',
    '2022年',
    '根据2021年工作情况确定',
    '12月底前',
    '每年3-5月组织考试，筛选符合条件人员',
    '3-5次',
    '31..5',
    '1.2.3',
    '十五',
    '未达到95%',
    '不低于95%以下',
    '≥30次以下',
    '95%的项目',
    '指标2：',
    '1、公务用车购置和维护经费',
    '0.35万元项目经费已全部及时支付。',
    '保障8小时工作时间',
  ])('%j', (text) => {
    const r = parseIndicatorValue(text);
    expect(r.kind).toBe('qualitative');
  });

  it('keeps the cleaned text', () => {
    expect(parseIndicatorValue('　基本满意\u3000')).toEqual({ kind: 'qualitative', text: '基本满意' });
    expect(parseIndicatorValue('效果\n显著')).toEqual({ kind: 'qualitative', text: '效果 显著' });
  });

  it('reads an error value or a boolean as qualitative', () => {
    expect(parseIndicatorValue({ error: '#N/A' })).toEqual({ kind: 'qualitative', text: '#N/A' });
    expect(parseIndicatorValue(true)).toEqual({ kind: 'qualitative', text: 'TRUE' });
  });
});

describe('parseIndicatorValue: empty', () => {
  it.each([null, '', '  ', '\u3000', '\t\n'])('%j', (v) => {
    expect(parseIndicatorValue(v)).toEqual({ kind: 'empty' });
  });
});

describe('parseIndicatorValue: number cells', () => {
  it('reads a plain number as exact', () => {
    expect(parseIndicatorValue(15)).toEqual({ kind: 'quantitative', direction: 'exact', value: 15, unit: '', percent: false, text: '15' });
  });

  it('reads a percent-formatted number as an exact percent', () => {
    expect(parseIndicatorValue(0.95, '0%')).toEqual({ kind: 'quantitative', direction: 'exact', value: 0.95, unit: '', percent: true, text: '95%' });
  });

  it('gives the same value for 0.95 formatted 0% and the text 95%', () => {
    const asNumber = parseIndicatorValue(0.95, '0%');
    const asText = parseIndicatorValue('95%');
    expect(asText).toEqual(asNumber);
  });

  it('takes operator and unit from a custom format, and the value from the cell', () => {
    expect(parsed(0.95, '"≥"0%', '≥95%')).toEqual(quantitative('positive', 0.95, '', true));
    expect(parsed(30, '0"人"', '30人')).toEqual(quantitative('exact', 30, '人', false));
    expect(parsed(0.9555, '"≥"0%', '≥96%')).toEqual(quantitative('positive', 0.9555, '', true));
  });

  it('ignores a display that shows another number', () => {
    expect(parsed(0.5, '0%', '≥95%')).toEqual(quantitative('exact', 0.5, '', true));
  });
});

describe('parseIndicatorValue: display text of quantitative values', () => {
  it('is the cleaned cell text', () => {
    const r = parseIndicatorValue('=5(次/年）');
    expect(r.kind === 'quantitative' && r.text).toBe('=5(次/年)');
    const s = parseIndicatorValue('　30人 ');
    expect(s.kind === 'quantitative' && s.text).toBe('30人');
  });
});
