/** The words of the organisation's particulars form (設定): merged into the dictionaries as `particulars`. */
export const particularsJa = {
  title: '当機関の情報(届出書に記載)',
  lead: '定期届出・随時届出・面談記録の下書きに、登録支援機関としてこの内容が入ります。',
  registrationNumber: '登録番号',
  registrationNumberHint: '登録支援機関登録通知書のとおり(例: 19登-000123)',
  registrationNumberInvalid: '登録番号は「19登-000123」の形(西暦の下2桁・登・ハイフン・6桁)で入力してください。',
  address: '住所(本店又は主たる事務所)',
  addressInvalid: '住所は空欄でない200文字以内で入力してください。',
  phone: '電話番号',
  phoneHint: '例: 03-1234-5678',
  phoneInvalid: '電話番号は0から始まる10桁または11桁の番号で入力してください(例: 03-1234-5678)。',
  save: '保存する',
  saved: '保存しました。',
};

export const particularsEn: typeof particularsJa = {
  title: 'Our details (printed on the filings)',
  lead: 'The annual report, the notices and the interview records are drafted with these details of the support organisation.',
  registrationNumber: 'Registration number',
  registrationNumberHint: 'As on the registration notice (e.g. 19登-000123)',
  registrationNumberInvalid: 'Write the registration number as 19登-000123: two digits of the year, 登, a hyphen and six digits.',
  address: 'Address (head office or main office)',
  addressInvalid: 'Write an address of up to 200 characters.',
  phone: 'Telephone',
  phoneHint: 'e.g. 03-1234-5678',
  phoneInvalid: 'Write a telephone number of 10 or 11 digits starting with 0 (e.g. 03-1234-5678).',
  save: 'Save',
  saved: 'Saved.',
};
