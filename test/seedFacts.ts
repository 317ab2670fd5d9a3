/**
 * Facts the seed documents state, written down once for every test that checks them (the fixture parser's
 * and the checker's): typed from the documents, not taken from our own parse.
 */

/** The twelve 项目支出绩效自评表 of 002 (衡阳, 附件4), in document order. */
export const HENGYANG_PROJECTS = [
  '大院保安转辅警经费',
  '大院保维护费、会务中心维护费',
  '机要工作经费',
  '纪检派驻机构专项经费',
  '水电补助',
  '其他补助经费机关大院改造及设备购置及防空办优化办经费',
  '物业管理费',
  '县市区长会议经费及电视电话会议经费',
  '信访工作经费、应急管理工作经费',
  '政府业务经费、政府综合治理工作经费',
  '综合调研经费',
  '政务督查经费',
];
