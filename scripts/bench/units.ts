/**
 * The units of the synthetic bulletin: the sample's registry as it is, plus generated bureaus
 * and offices (市XX局 and the like) until there are about 80, each with the short aliases
 * correspondents write, so that alias resolution costs what it costs on a real registry.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const sampleContentDir = fileURLToPath(new URL('../../content/', import.meta.url));

/** [full name, short alias or '' for none, category] of units a city's organs typically have. */
const extraUnits: readonly (readonly [string, string, string])[] = [
  ['市委宣传部', '宣传部', '党委机关'],
  ['市委统战部', '统战部', '党委机关'],
  ['市委政法委', '政法委', '党委机关'],
  ['市委政策研究室', '市委政研室', '党委机关'],
  ['市委机构编制委员会办公室', '市委编办', '党委机关'],
  ['市委党校', '党校', '党委机关'],
  ['市人大常委会机关', '市人大机关', '人大政协和司法机关'],
  ['市人民检察院', '市检察院', '人大政协和司法机关'],
  ['市教育局', '教育局', '政府部门'],
  ['市科学技术局', '市科技局', '政府部门'],
  ['市工业和信息化局', '市工信局', '政府部门'],
  ['市公安局', '公安局', '政府部门'],
  ['市民政局', '民政局', '政府部门'],
  ['市司法局', '司法局', '政府部门'],
  ['市人力资源和社会保障局', '市人社局', '政府部门'],
  ['市自然资源和规划局', '市自然资源局', '政府部门'],
  ['市生态环境局', '生态环境局', '政府部门'],
  ['市交通运输局', '交通局', '政府部门'],
  ['市农业农村局', '农业农村局', '政府部门'],
  ['市商务局', '商务局', '政府部门'],
  ['市文化和旅游局', '市文旅局', '政府部门'],
  ['市卫生健康委员会', '市卫健委', '政府部门'],
  ['市退役军人事务局', '退役军人事务局', '政府部门'],
  ['市应急管理局', '应急管理局', '政府部门'],
  ['市国有资产监督管理委员会', '市国资委', '政府部门'],
  ['市统计局', '统计局', '政府部门'],
  ['市医疗保障局', '市医保局', '政府部门'],
  ['市信访局', '信访局', '政府部门'],
  ['市体育局', '体育局', '政府部门'],
  ['市乡村振兴局', '乡村振兴局', '政府部门'],
  ['市机关事务管理局', '市机关事务局', '政府部门'],
  ['市数据局', '数据局', '政府部门'],
  ['市气象局', '气象局', '政府部门'],
  ['市住房公积金管理中心', '公积金中心', '事业单位'],
  ['市公共资源交易中心', '交易中心', '事业单位'],
  ['市档案馆', '档案馆', '事业单位'],
  ['市地方志办公室', '市志办', '事业单位'],
  ['市总工会', '总工会', '群团组织'],
  ['共青团延安市委', '团市委', '群团组织'],
  ['市妇女联合会', '市妇联', '群团组织'],
  ['市科学技术协会', '市科协', '群团组织'],
  ['市文学艺术界联合会', '市文联', '群团组织'],
  ['市红十字会', '红十字会', '群团组织'],
  ['延安市供水集团', '供水集团', '国有企业'],
  ['延安公交集团', '公交集团', '国有企业'],
  ['延安城投集团', '城投集团', '国有企业'],
  ['宝塔区凤凰山街道', '凤凰山街道', '基层单位'],
  ['宝塔区桥沟街道', '桥沟街道', '基层单位'],
  ['宝塔区枣园街道', '枣园街道', '基层单位'],
  ['宝塔区宝塔山街道', '宝塔山街道', '基层单位'],
];

export interface GeneratedUnit {
  name: string;
  aliases: string[];
  category: string;
}

/** The sample's units, read from its units.yaml, then the generated ones. */
export function bulletinUnits(): GeneratedUnit[] {
  const sample = parse(readFileSync(`${sampleContentDir}units.yaml`, 'utf8')) as { name: string; aliases?: string[]; category?: string }[];
  return [
    ...sample.map((unit) => ({ name: unit.name, aliases: unit.aliases ?? [], category: unit.category ?? '其他' })),
    ...extraUnits.map(([name, alias, category]) => ({ name, aliases: alias ? [alias] : [], category })),
  ];
}

/** units.yaml for the generated units (the sample's keep their own slugs there). */
export function unitsYaml(): string {
  const sampleYaml = readFileSync(`${sampleContentDir}units.yaml`, 'utf8').trimEnd();
  const extra = extraUnits.map(([name, alias, category]) => `- name: ${name}\n  aliases: [${alias}]\n  category: ${category}`);
  return `${sampleYaml}\n\n# 生成的单位\n${extra.join('\n')}\n`;
}
