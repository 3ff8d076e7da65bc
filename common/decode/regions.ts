// Region codes and their names (awsRegion), in English and Japanese. Codes not listed are shown
// as they are (new Regions, made-up ones in anonymised data sets).
import type { Language } from '../i18n'

const REGIONS: Readonly<Record<string, readonly [string, string]>> = {
  'us-east-1': ['US East (N. Virginia)', '米国東部 (バージニア北部)'],
  'us-east-2': ['US East (Ohio)', '米国東部 (オハイオ)'],
  'us-west-1': ['US West (N. California)', '米国西部 (北カリフォルニア)'],
  'us-west-2': ['US West (Oregon)', '米国西部 (オレゴン)'],
  'af-south-1': ['Africa (Cape Town)', 'アフリカ (ケープタウン)'],
  'ap-east-1': ['Asia Pacific (Hong Kong)', 'アジアパシフィック (香港)'],
  'ap-south-1': ['Asia Pacific (Mumbai)', 'アジアパシフィック (ムンバイ)'],
  'ap-south-2': ['Asia Pacific (Hyderabad)', 'アジアパシフィック (ハイデラバード)'],
  'ap-northeast-1': ['Asia Pacific (Tokyo)', 'アジアパシフィック (東京)'],
  'ap-northeast-2': ['Asia Pacific (Seoul)', 'アジアパシフィック (ソウル)'],
  'ap-northeast-3': ['Asia Pacific (Osaka)', 'アジアパシフィック (大阪)'],
  'ap-southeast-1': ['Asia Pacific (Singapore)', 'アジアパシフィック (シンガポール)'],
  'ap-southeast-2': ['Asia Pacific (Sydney)', 'アジアパシフィック (シドニー)'],
  'ap-southeast-3': ['Asia Pacific (Jakarta)', 'アジアパシフィック (ジャカルタ)'],
  'ap-southeast-4': ['Asia Pacific (Melbourne)', 'アジアパシフィック (メルボルン)'],
  'ca-central-1': ['Canada (Central)', 'カナダ (中部)'],
  'eu-central-1': ['Europe (Frankfurt)', '欧州 (フランクフルト)'],
  'eu-central-2': ['Europe (Zurich)', '欧州 (チューリッヒ)'],
  'eu-west-1': ['Europe (Ireland)', '欧州 (アイルランド)'],
  'eu-west-2': ['Europe (London)', '欧州 (ロンドン)'],
  'eu-west-3': ['Europe (Paris)', '欧州 (パリ)'],
  'eu-north-1': ['Europe (Stockholm)', '欧州 (ストックホルム)'],
  'eu-south-1': ['Europe (Milan)', '欧州 (ミラノ)'],
  'eu-south-2': ['Europe (Spain)', '欧州 (スペイン)'],
  'il-central-1': ['Israel (Tel Aviv)', 'イスラエル (テルアビブ)'],
  'me-south-1': ['Middle East (Bahrain)', '中東 (バーレーン)'],
  'me-central-1': ['Middle East (UAE)', '中東 (UAE)'],
  'sa-east-1': ['South America (São Paulo)', '南米 (サンパウロ)'],
  'us-gov-east-1': ['AWS GovCloud (US-East)', 'AWS GovCloud (米国東部)'],
  'us-gov-west-1': ['AWS GovCloud (US-West)', 'AWS GovCloud (米国西部)'],
  'cn-north-1': ['China (Beijing)', '中国 (北京)'],
  'cn-northwest-1': ['China (Ningxia)', '中国 (寧夏)'],
}

/** The Region's name, or null for codes not in the list. */
export function regionName(code: string, language: Language): string | null {
  const names = Object.prototype.hasOwnProperty.call(REGIONS, code) ? REGIONS[code] : undefined
  return names ? names[language === 'ja' ? 1 : 0] : null
}
