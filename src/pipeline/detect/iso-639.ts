/**
 * ISO 639-3 codes franc-min can return, mapped to ISO 639-1. Languages without a two-letter
 * code (Cebuano, Hmong…) keep their three-letter code.
 */
const ISO_639_3_TO_1: Record<string, string> = {
  afr: 'af', amh: 'am', arb: 'ar', azj: 'az', bel: 'be', ben: 'bn', bos: 'bs', bul: 'bg', ces: 'cs', ckb: 'ku', cmn: 'zh',
  deu: 'de', ell: 'el', eng: 'en', fra: 'fr', guj: 'gu', hau: 'ha', hin: 'hi', hrv: 'hr', hun: 'hu', ibo: 'ig', ind: 'id',
  ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn', kaz: 'kk', kin: 'rw', kor: 'ko', koi: 'kv', lin: 'ln', mal: 'ml', mar: 'mr',
  mya: 'my', nld: 'nl', npi: 'ne', nya: 'ny', pan: 'pa', pbu: 'ps', pes: 'fa', plt: 'mg', pol: 'pl', por: 'pt', qug: 'qu',
  ron: 'ro', run: 'rn', rus: 'ru', sin: 'si', slk: 'sk', som: 'so', spa: 'es', srp: 'sr', sun: 'su', swe: 'sv', swh: 'sw',
  tam: 'ta', tel: 'te', tgl: 'tl', tha: 'th', tur: 'tr', ukr: 'uk', urd: 'ur', uzn: 'uz', vie: 'vi', yor: 'yo', zlm: 'ms',
  zul: 'zu', uig: 'ug', tir: 'ti', sna: 'sn', xho: 'xh', aka: 'ak', ful: 'ff', fuv: 'ff',
};

/** The ISO 639-1 code for an ISO 639-3 code; the 639-3 code itself when there is none; 'und' stays. */
export function toIso6391(code: string): string {
  return ISO_639_3_TO_1[code] ?? code;
}
