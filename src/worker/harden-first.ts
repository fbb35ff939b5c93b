// Imported first by the sim worker: SES lockdown runs before any other module (comlink,
// xstate, the engine, lessons) evaluates, so every intrinsic they and learner code share
// is frozen from the start. See src/sandbox/realm.ts.
import { hardenRealm } from '../sandbox/realm';

hardenRealm();
