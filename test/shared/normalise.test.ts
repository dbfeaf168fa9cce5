import { describe, expect, it } from 'vitest';
import {
  foldCompatibility,
  joinLines,
  normaliseLine,
  normaliseParagraph,
  withoutWhitespace,
} from '../../src/shared/text/normalise.ts';
import { cjkShare, isCjk } from '../../src/shared/text/script.ts';

describe('normaliseLine: Chinese', () => {
  it.each([
    // tesseract chi_sim output: a space between every character
    ['交 城 县 农 特 产 品 在 第 二 届', '交城县农特产品在第二届'],
    // the naive extraction in shared/samples/raw: spaces around numbers inside Chinese
    ['10 月 17 日第五个国家扶贫日到来之际，为进', '10月17日第五个国家扶贫日到来之际，为进'],
    ['等活动，还为贫困户老年人发放了 600多个花糕，别', '等活动，还为贫困户老年人发放了600多个花糕，别'],
    ['们与 20余名盲人朋友齐聚一堂', '们与20余名盲人朋友齐聚一堂'],
    // PDF text layer: letter-spaced mastheads and compatibility ideographs
    ['⽂ 峪 河 报', '文峪河报'],
    ['2018年10⽉19⽇', '2018年10月19日'],
    ['特优功能⻝品展销会上备受⻘睐', '特优功能食品展销会上备受青睐'],
    ['⺠庆丰收、成果展⽰晒丰', '民庆丰收、成果展示晒丰'],
    ['走村入⼾', '走村入户'],
    ['诚交天下”―太原市', '诚交天下”—太原市'],
    // spaces before and after Chinese punctuation
    ['送 去 生 活 物 资 ， 用 浓 浓 暖 意 。', '送去生活物资，用浓浓暖意。'],
    ['“ 送 温 暖 、 献 爱 心 ” 捐 赠', '“送温暖、献爱心”捐赠'],
  ])('%j → %j', (raw, clean) => {
    expect(normaliseLine(raw)).toBe(clean);
  });

  it('makes ASCII punctuation next to Chinese full-width', () => {
    expect(normaliseLine('为主题,以广大农民庆丰收;成果展示:晒丰收')).toBe(
      '为主题，以广大农民庆丰收；成果展示：晒丰收',
    );
    expect(normaliseLine('你好吗?很好!')).toBe('你好吗？很好！');
    expect(normaliseLine('交城县(吕梁市)')).toBe('交城县（吕梁市）');
    expect(normaliseLine('开展"送温暖"活动')).toBe('开展“送温暖”活动');
    expect(normaliseLine('工作取得成效.')).toBe('工作取得成效。');
  });

  it('leaves decimals, times and thousands alone inside Chinese text', () => {
    expect(normaliseLine('增长3.5%')).toBe('增长3.5%');
    expect(normaliseLine('上午9:30开幕')).toBe('上午9:30开幕');
    expect(normaliseLine('共1,000余件')).toBe('共1,000余件');
  });

  it('folds full-width letters and digits but keeps full-width punctuation', () => {
    expect(normaliseLine('第１１８６期，ＡＢＣ公司')).toBe('第1186期，ABC公司');
    expect(foldCompatibility('，。！？：；（）…')).toBe('，。！？：；（）…');
  });

  it('keeps traditional forms when asked for traditional text', () => {
    expect(normaliseLine('走村入⼾', { script: 'hant' })).toBe('走村入戶');
  });
});

describe('normaliseLine: Latin script', () => {
  it.each([
    ['Neue  Zürcher   Zeitung', 'Neue Zürcher Zeitung'],
    ['  leading and trailing  ', 'leading and trailing'],
    ['ﬁnancial ﬂows', 'financial flows'],
    ['Price: 3 Fr. 50 Rp.', 'Price: 3 Fr. 50 Rp.'],
    ['He said: "Yes!"', 'He said: "Yes!"'],
    ['tab\tseparated\u00A0text', 'tab separated text'],
  ])('%j → %j', (raw, clean) => {
    expect(normaliseLine(raw)).toBe(clean);
  });

  it('keeps diacritics and German sharp s', () => {
    expect(normaliseLine('Straße über Zürich')).toBe('Straße über Zürich');
  });

  it('keeps a single space between a Latin word and a number', () => {
    expect(normaliseLine('Nr.  164 vom 19. Oktober 1885')).toBe('Nr. 164 vom 19. Oktober 1885');
  });
});

describe('joinLines', () => {
  it('joins wrapped Chinese lines without a space', () => {
    expect(
      joinLines([
        '10月17日第五个国家扶贫日到来之际，为进',
        '一步提升群众满意度，交城县各驻村帮扶工作队下',
        '乡上山',
      ]),
    ).toBe('10月17日第五个国家扶贫日到来之际，为进一步提升群众满意度，交城县各驻村帮扶工作队下乡上山');
  });

  it('joins wrapped Latin lines with one space', () => {
    expect(joinLines(['Die Regierung hat', 'beschlossen'])).toBe('Die Regierung hat beschlossen');
  });

  it('puts a hyphenated word back together when the next line starts in lower case', () => {
    expect(joinLines(['Die Zei-', 'tung erscheint'])).toBe('Die Zeitung erscheint');
    expect(joinLines(['Fraktur trennt mit Dop⸗', 'pelstrich'])).toBe('Fraktur trennt mit Doppelstrich');
    expect(joinLines(['soft\u00AD', 'hyphen'])).toBe('softhyphen');
  });

  it('keeps the hyphen of a compound before a capital', () => {
    expect(joinLines(['Basel-', 'Stadt'])).toBe('Basel-Stadt');
    expect(joinLines(['Nord⸗', 'Amerika'])).toBe('Nord-Amerika');
  });

  it('does not remove a dash that stands alone', () => {
    expect(joinLines(['gestern -', 'heute'])).toBe('gestern - heute');
  });

  it('joins Chinese and Latin across a break without a space when either side is Chinese', () => {
    expect(joinLines(['使用', 'Python编程'])).toBe('使用Python编程');
    expect(joinLines(['TCL', '集团'])).toBe('TCL集团');
  });

  it('skips empty lines', () => {
    expect(joinLines(['', 'a', '   ', 'b'])).toBe('a b');
  });
});

describe('normaliseParagraph', () => {
  it('cleans and joins the naive extraction of a Chinese paragraph', () => {
    const raw = [
      '在 山 区 乡 镇 会 立 乡 ， 交 城 医 疗 集 团 人 民 医 院 组',
      '织 全 体 医 务 人 员 深 入 结 对 帮 扶 的 代 家 庄 村',
    ];
    expect(normaliseParagraph(raw)).toBe(
      '在山区乡镇会立乡，交城医疗集团人民医院组织全体医务人员深入结对帮扶的代家庄村',
    );
  });

  it('loses no character other than white space on Chinese text', () => {
    const raw = '本 报 讯 以 “ 庆 祝 丰 收 ” 为 主 题';
    expect(withoutWhitespace(normaliseParagraph([raw]))).toBe(withoutWhitespace(raw));
  });
});

describe('script', () => {
  it('tells CJK characters and the share of CJK in a text', () => {
    expect(isCjk('交')).toBe(true);
    expect(isCjk('A')).toBe(false);
    expect(isCjk('，')).toBe(false);
    expect(cjkShare('交城county')).toBeCloseTo(2 / 8);
    expect(cjkShare('1234')).toBe(0);
  });

  it('knows ideographs of every extension block and kana marks, and no Latin diacritic', () => {
    // Extension B, H (2022) and I (2023), a compatibility ideograph, a radical, 々 〆 ー ゛
    for (const ch of ['\u{20000}', '\u{31350}', '\u{2EBF0}', '\uF900', '\u2F00', '々', '〆', 'ー', '゛'])
      expect(isCjk(ch), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(true);
    for (const ch of ['\u0323', 'é', 'ſ', '。', '「', '\u3000']) expect(isCjk(ch)).toBe(false);
    // Text in the newest block joins without spaces like any Chinese text.
    expect(joinLines(['\u{2EBF0}\u{2EBF1}', '\u{2EBF2}'])).toBe('\u{2EBF0}\u{2EBF1}\u{2EBF2}');
  });
});
