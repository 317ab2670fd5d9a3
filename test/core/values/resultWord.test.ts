import { describe, it, expect } from 'vitest';
import { parseResultWord } from '../../../src/core/values/indicator';

describe('parseResultWord', () => {
  it.each([
    ['达成', '达成'],
    ['已达成', '达成'],
    ['完成', '达成'],
    ['已完成', '达成'],
    ['全部完成', '达成'],
    ['圆满完成', '达成'],
    ['　达成 ', '达成'],
    ['已完成。', '达成'],
    ['达成年度指标', '达成'],
    ['部分达成', '部分达成'],
    ['部分完成', '部分达成'],
    ['部分达成年度指标', '部分达成'],
    ['未达成', '未达成'],
    ['未完成', '未达成'],
    ['未达成年度指标', '未达成'],
  ])('%j → %s', (text, word) => {
    expect(parseResultWord(text)).toBe(word);
  });

  it.each(['', '满意', '基本完成', '基本达成', '完成80%', '实现80万元，达到预期目标', '圆满完成了市委、政府交给的各项工作任务', '100%', '达到', '达成率95%'])(
    '%j → null',
    (text) => {
      expect(parseResultWord(text)).toBeNull();
    },
  );
});
