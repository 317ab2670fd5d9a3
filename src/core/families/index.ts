import type { Family } from './family';
import { frameworkFamily } from './framework';
import { projectFamily } from './project';
import { targetsFamily } from './targets';

/** Every family, in the order they are asked to claim a header (the most specific header first). */
export const FAMILIES: readonly Family[] = [projectFamily, frameworkFamily, targetsFamily];
