// Creates the git-ignored .env with fresh keys when it is missing (fresh clone, CI).
import { ensureEnvFile } from './lib/env.ts';

ensureEnvFile();
