// Probe 52's fixtures read as probe 41's are (read41.ts readTagged): every equation by its \tag, the worst verdict of a
// chain's or a display's rows standing for it.
import { join } from 'node:path';
import { readTagged, type TaggedReading } from '../probe41/read41';

export const read52 = (file: string): TaggedReading => readTagged(join(__dirname, 'fixtures', file));
