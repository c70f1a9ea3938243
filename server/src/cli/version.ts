// The command's version: the npm package's, so `briefcheck --version`, the action and init agree.
import pkg from '../../../package.json';

export const VERSION: string = pkg.version;
