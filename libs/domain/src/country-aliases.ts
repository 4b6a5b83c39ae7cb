/**
 * Everyday Japanese names of countries that i18n-iso-countries words otherwise (it says
 * 中華人民共和国, 大韓民国, アメリカ合衆国, イギリス), and 台湾 as the residence card writes it:
 * the ISO 3166-1 alpha-3 code each stands for. Plain data, read by the import and by the
 * registration form alike, so both accept the same names.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  中国: 'CHN',
  韓国: 'KOR',
  米国: 'USA',
  アメリカ: 'USA',
  英国: 'GBR',
  台湾: 'TWN',
  ベトナム: 'VNM',
  ヴェトナム: 'VNM',
  フィリピン: 'PHL',
  ミャンマー: 'MMR',
  ネパール: 'NPL',
  インドネシア: 'IDN',
  スリランカ: 'LKA',
  ブラジル: 'BRA',
  タイ: 'THA',
  カンボジア: 'KHM',
  モンゴル: 'MNG',
  バングラデシュ: 'BGD',
  ウズベキスタン: 'UZB',
  パキスタン: 'PAK',
  ペルー: 'PER',
  インド: 'IND',
  ロシア: 'RUS',
};
