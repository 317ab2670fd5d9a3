export { WpsHost } from './WpsHost';
export { wpsApplication } from './env';
