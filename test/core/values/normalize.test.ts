import { describe, it, expect } from 'vitest';
import { cleanText, normalizeLabel } from '../../../src/core/values/normalize';

describe('normalizeLabel', () => {
  it('removes line breaks inside a label', () => {
    expect(normalizeLabel('项目支\n出名称')).toBe('项目支出名称');
    expect(normalizeLabel('年初\n\n预算数')).toBe('年初预算数');
    expect(normalizeLabel('偏差原因\r\n分析及\r\n改进措施')).toBe('偏差原因分析及改进措施');
  });

  it('removes tabs, NBSP, U+3000 and zero-width spaces', () => {
    expect(normalizeLabel('\t主管\u00a0部门\u3000')).toBe('主管部门');
    expect(normalizeLabel('\u3000\u3000实施 单位\u200b')).toBe('实施单位');
  });

  it('folds full-width forms (NFKC)', () => {
    expect(normalizeLabel('项目资金（万元）')).toBe('项目资金(万元)');
    expect(normalizeLabel('产出指标（５０分）')).toBe('产出指标(50分)');
  });
});

describe('cleanText', () => {
  it('trims ASCII and ideographic spaces', () => {
    expect(cleanText('\u3000 大院保安转辅警经费\u3000')).toBe('大院保安转辅警经费');
  });

  it('collapses inner white space runs to one space', () => {
    expect(cleanText('填报单位：\u3000\u3000（盖章）  \n 2022年度')).toBe('填报单位: (盖章) 2022年度');
  });

  it('folds full-width digits and signs', () => {
    expect(cleanText('１００％')).toBe('100%');
  });

  it('gives the empty string for white space only', () => {
    expect(cleanText('\u3000\t\n ')).toBe('');
  });
});
