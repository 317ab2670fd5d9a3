export { ExcelHost } from './ExcelHost';
export { officeEnv, type ExcelEnv, type SettingsBag } from './env';
