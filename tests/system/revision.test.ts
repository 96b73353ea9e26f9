import { revisionSuite } from './revision-suite';
import { startServer } from './server';

revisionSuite('lowdb', () => startServer());
