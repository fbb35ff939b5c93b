// Vitest runs lesson and sandbox code in Node: harden the realm first, as the sim
// worker and the CLI's runner thread do, so tests see the same frozen intrinsics.
import { hardenRealm } from './realm';

hardenRealm();
