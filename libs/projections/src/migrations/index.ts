import { CreateProjectionEngine1732800000000 } from './1732800000000-create-projection-engine';

/** The projection engine's bookkeeping tables; add to the app's migration list. */
export const projectionsMigrations = [CreateProjectionEngine1732800000000];
